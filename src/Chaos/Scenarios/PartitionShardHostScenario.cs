using ActorConcurrency.Actors.ShardedCounters;

namespace ActorConcurrency.Chaos.Scenarios;

/// <summary>
/// B, which hosts counters and loads them itself, is cut off from S (the oldest) and L both ways while L loads too: B's
/// side has no oldest and downs itself; S and L take B's counters over. Until B is down both sides write to the journal.
/// </summary>
internal sealed class PartitionShardHostScenario : PartitionScenario
{
    public override string Name => "partition";

    public override string Description => "S (oldest), B and L load; B is cut off from S and L both ways (both keep running and the database); L finishes";

    internal override async Task RunAsync(ChaosCluster cluster) => await PartitionBAsync(cluster, PartitionDirection.Both);

    /// <summary>S, B (loading until stopped, hosting counters), L (finite load); B cut off from S and L.</summary>
    internal static async Task PartitionBAsync(ChaosCluster cluster, PartitionDirection direction)
    {
        cluster.FaultInjection = true;
        (NodeProcess s, NodeProcess b, NodeProcess l) = await cluster.StartWithShardHostAsync(ChaosSettings.UntilStopped);
        await PartitionAndRecoverAsync(cluster, b, "loading and hosting counters, not the oldest", [s, l], l, direction);
    }
}
