namespace ActorConcurrency.Actors.ShardedCounters;

/// <summary>
/// What a run of <see cref="AcknowledgedIncrements"/> sent and what the counters acknowledged, so far (a live
/// <see cref="IncrementProgress.Snapshot"/>) or in the end. Every figure counts increments, not messages,
/// except <see cref="Batches"/>.
/// </summary>
/// <param name="Sent">Increments handed to the region, each counted once however often its batch was retried.</param>
/// <param name="Acknowledged">Increments whose batch was acknowledged: persisted, so in every later total.</param>
/// <param name="Unacknowledged">
/// Increments given up on (at-most-once after a timeout, or still unanswered when the run was stopped): each
/// is in the total at most once.
/// </param>
/// <param name="Retried">Increments sent again because an attempt's acknowledgement did not arrive in time.</param>
/// <param name="DuplicatesSuppressed">Increments a counter acknowledged as already counted (a retry of a persisted batch).</param>
/// <param name="Batches">Batches started (messages, retries not counted).</param>
/// <param name="AcknowledgedPerKey">Acknowledged increments per counter.</param>
/// <param name="AcknowledgementGaps">Stretches of more than a second with no acknowledgement while the load ran.</param>
/// <param name="AcknowledgementGapsPerKey">
/// The same per counter: stretches of more than a second in which that counter acknowledged nothing (a counter
/// whose node died; or every counter, while the window is full of a dead one's batches). Counters without one are absent.
/// </param>
/// <param name="LastAcknowledgedPerKey">When each counter last acknowledged (UTC); a counter that never did is absent.</param>
public sealed record IncrementReport(
    long Sent,
    long Acknowledged,
    long Unacknowledged,
    long Retried,
    long DuplicatesSuppressed,
    long Batches,
    IReadOnlyDictionary<string, long> AcknowledgedPerKey,
    IReadOnlyList<AcknowledgementGap> AcknowledgementGaps,
    IReadOnlyDictionary<string, IReadOnlyList<AcknowledgementGap>> AcknowledgementGapsPerKey,
    IReadOnlyDictionary<string, DateTime> LastAcknowledgedPerKey)
{
    /// <summary>Increments sent whose batch is neither acknowledged nor given up yet.</summary>
    public long InFlight => Sent - Acknowledged - Unacknowledged;
}

/// <summary>A stretch with no acknowledgement while a load ran (for example, from a node's crash to the shard's recovery).</summary>
public sealed record AcknowledgementGap(DateTime FromUtc, DateTime ToUtc)
{
    /// <summary>Its length.</summary>
    public TimeSpan Duration => ToUtc - FromUtc;
}
