namespace ActorConcurrency.Actors.ShardedCounters;

/// <summary>What a run of <see cref="AcknowledgedIncrements"/> sent and what the counters acknowledged.</summary>
/// <param name="Sent">Increments handed to the region (acknowledged or not).</param>
/// <param name="Acknowledged">Increments whose batch was acknowledged: persisted, so in every later total.</param>
/// <param name="Unacknowledged">Increments whose acknowledgement did not arrive in time (lost with a node, or still in flight).</param>
/// <param name="Batches">Messages sent.</param>
/// <param name="AcknowledgedPerKey">Acknowledged increments per counter.</param>
public sealed record IncrementReport(long Sent, long Acknowledged, long Unacknowledged, long Batches, IReadOnlyDictionary<string, long> AcknowledgedPerKey);
