namespace ActorConcurrency.Actors.ShardedCounters;

/// <summary>Which way a cut link between two nodes drops messages (<see cref="ShardedCounterNode.CutOffAsync"/>).</summary>
public enum PartitionDirection
{
    /// <summary>Nothing dropped: the link is healed.</summary>
    None,

    /// <summary>Both ways: neither node hears the other.</summary>
    Both,

    /// <summary>This node's messages to the other are lost; the other's arrive.</summary>
    Send,

    /// <summary>The other node's messages to this one are lost; this node's arrive.</summary>
    Receive,
}
