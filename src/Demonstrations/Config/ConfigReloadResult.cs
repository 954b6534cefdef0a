namespace ActorConcurrency.Demonstrations.ConfigReload;

/// <summary>
/// Task 6: the immutable config behind one reference and a holder rewritten field by field, under the same reload
/// load; bad reloads refused; the config owner actor pushing every version to its subscribers in order.
/// </summary>
/// <param name="Writers">Writer threads.</param>
/// <param name="Readers">Reader threads checking every config they read.</param>
/// <param name="Reloads">Reloads per writer.</param>
/// <param name="Record">The immutable <c>Config</c> behind <c>Volatile.Read</c> / <c>CompareExchange</c>.</param>
/// <param name="FieldByField">The holder rewritten field by field (broken: a reader can see half a reload).</param>
/// <param name="Refusals">A null and an inconsistent reload, each refused.</param>
/// <param name="Owner">The config owner actor and its subscribers.</param>
public sealed record ConfigReloadResult(
    int Writers, int Readers, int Reloads, ReloadRun Record, ReloadRun FieldByField, ReloadRefusals Refusals, OwnerReloads Owner) : IDemonstrationResult
{
    /// <summary>Whether the record form read no inconsistent or older config, the refused reloads changed nothing and every subscriber saw increasing versions.</summary>
    public bool Held => Record.Inconsistent == 0 && Record.Regressions == 0 && Refusals.StillInForce && Owner.Ordered == Owner.Subscribers;

    /// <inheritdoc />
    public string Evidence =>
        $"record: {Record.Inconsistent} inconsistent / {Record.Regressions} regressions in {Record.Reads:N0} reads; " +
        $"field-by-field: {FieldByField.Inconsistent:N0} inconsistent in {FieldByField.Reads:N0} reads; actor subscribers in order: {Owner.Ordered}/{Owner.Subscribers}";

    /// <inheritdoc />
    public string? NotObserved => FieldByField.Inconsistent == 0
        ? "no torn read of the field-by-field holder; more --reloads or --threads (readers overlapping writers) make it show"
        : null;
}

/// <summary>One holder under the reload load.</summary>
/// <param name="Reads">Configs read by all readers.</param>
/// <param name="Inconsistent">Reads of a config that failed its own validation (fields of two versions).</param>
/// <param name="Regressions">Reads of a version lower than the reader's previous one.</param>
/// <param name="Applied">Reloads that took effect.</param>
/// <param name="Stale">Reloads refused because a newer version was already in force.</param>
public sealed record ReloadRun(long Reads, long Inconsistent, long Regressions, long Applied, long Stale);

/// <summary>Two bad reloads and the version in force around them.</summary>
/// <param name="NullReload">What <c>Reload(null)</c> threw.</param>
/// <param name="InconsistentReload">What a reload of an inconsistent config threw.</param>
/// <param name="VersionBefore">The version in force before.</param>
/// <param name="VersionAfter">The version in force after.</param>
public sealed record ReloadRefusals(string NullReload, string InconsistentReload, long VersionBefore, long VersionAfter)
{
    /// <summary>Whether the refused reloads left the config in force as it was.</summary>
    public bool StillInForce => VersionAfter == VersionBefore;
}

/// <summary>Two operators reloading through the config owner actor while subscribers receive each version.</summary>
/// <param name="Operators">Operators sending reloads concurrently.</param>
/// <param name="Reloads">Reloads sent in all.</param>
/// <param name="Subscribers">Subscribers.</param>
/// <param name="Ordered">Subscribers that received every version in increasing order.</param>
/// <param name="Received">Configs received by all subscribers.</param>
/// <param name="Rejected">Reloads refused as not newer than the config in force.</param>
/// <param name="Last">The last version in force.</param>
public sealed record OwnerReloads(int Operators, int Reloads, int Subscribers, int Ordered, int Received, int Rejected, long Last);
