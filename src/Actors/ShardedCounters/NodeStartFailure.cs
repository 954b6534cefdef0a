namespace ActorConcurrency.Actors.ShardedCounters;

/// <summary>Why a <see cref="ShardedCounterNode"/> could not start.</summary>
public enum NodeStartFailure
{
    /// <summary>The journal could not be opened (bad folder, not a database, server unreachable).</summary>
    JournalUnavailable,

    /// <summary>The TCP port is already in use.</summary>
    PortInUse,

    /// <summary>Remoting could not start for another reason (a bad address, …).</summary>
    TransportFailed,

    /// <summary>No seed node answered within the join timeout.</summary>
    JoinTimedOut,

    /// <summary>The shard region did not answer its first message in time.</summary>
    RegionNotReady,

    /// <summary>A seed address that cannot be parsed.</summary>
    BadSeed,
}
