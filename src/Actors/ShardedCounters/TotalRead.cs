namespace ActorConcurrency.Actors.ShardedCounters;

/// <summary>One scatter–gather total.</summary>
/// <param name="Total">The total this client reports: never below any total it reported before.</param>
/// <param name="Gathered">The plain sum of the replies of this round.</param>
/// <param name="KeysBelowHighWater">Replies lower than what this client had already seen for the key (kept at the high-water mark).</param>
public sealed record TotalRead(long Total, long Gathered, int KeysBelowHighWater);
