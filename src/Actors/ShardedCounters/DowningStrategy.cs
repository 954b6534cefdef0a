namespace ActorConcurrency.Actors.ShardedCounters;

/// <summary>
/// How the cluster decides which side of a failure keeps running (Akka's split-brain resolver). Every node of
/// one cluster must use the same strategy. docs/sharded-counters.md has the choice per cluster size.
/// </summary>
public enum DowningStrategy
{
    /// <summary>
    /// <c>keep-oldest</c> with <c>down-if-alone</c>: the side with the oldest member survives, unless (with three or
    /// more members) the oldest is alone, when the others down it and keep running. With two members Akka does not
    /// apply down-if-alone (a crash and a partition look the same from each side, and both sides would keep
    /// running), so a two-node cluster survives losing the younger node but not the oldest: the survivor downs
    /// itself, says why on stderr and exits 5. The default.
    /// </summary>
    KeepOldest,

    /// <summary>
    /// <c>keep-majority</c>: the larger side survives; on a tie, the side with the lowest address. For three or
    /// more nodes; in a two-node cluster the node with the higher address downs itself when the other dies.
    /// </summary>
    KeepMajority,
}
