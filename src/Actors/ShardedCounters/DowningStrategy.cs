namespace ActorConcurrency.Actors.ShardedCounters;

/// <summary>
/// How the cluster decides which side of a failure keeps running (Akka's split-brain resolver). Every node of
/// one cluster must use the same strategy. docs/sharded-counters.md has the choice per cluster size.
/// </summary>
public enum DowningStrategy
{
    /// <summary>
    /// <c>keep-oldest</c> with <c>down-if-alone</c>: the side with the oldest member survives, unless the oldest is
    /// alone, when the others down it and keep running. A two-node cluster keeps a serving survivor whichever
    /// node dies. The default.
    /// </summary>
    KeepOldest,

    /// <summary>
    /// <c>keep-majority</c>: the larger side survives; on a tie, the side with the lowest address. For three or
    /// more nodes; in a two-node cluster the node with the higher address downs itself when the other dies.
    /// </summary>
    KeepMajority,
}
