namespace ActorConcurrency.RaceMode.Runtime;

/// <summary>The key of one synchronisation object's clock in the detector's sync table (named for edges).</summary>
/// <param name="Name">What the object is (its type's name).</param>
internal sealed record SyncKey(string Name)
{
    /// <summary>Reference identity: two objects of one type are two clocks.</summary>
    public bool Equals(SyncKey? other) => ReferenceEquals(this, other);

    /// <inheritdoc />
    public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this);
}
