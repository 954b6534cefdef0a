using ActorConcurrency.Actors.ShardedCounters;

namespace ActorConcurrency.Chaos.Scenarios;

/// <summary>
/// The oldest member S (coordinator, hosting counters, loading them) is cut off from B and L both ways. keep-oldest
/// keeps the oldest's side unless the oldest is alone (down-if-alone): S downs itself, B and L go on with L's load.
/// </summary>
internal sealed class PartitionOldestScenario : PartitionScenario
{
    public override string Name => "partition-oldest";

    public override string Description => "S (oldest, coordinator) and L load, B; S is cut off from B and L both ways; S, alone, downs itself; L finishes";

    internal override async Task RunAsync(ChaosCluster cluster)
    {
        ChaosSettings settings = cluster.Settings;
        cluster.FaultInjection = true;
        NodeProcess s = await cluster.StartFirstAsync("S", ChaosSettings.UntilStopped);
        NodeProcess b = cluster.Start("B", [s]);
        await cluster.WaitMembersAsync(s, 2);
        NodeProcess l = cluster.Start("L", [s], settings.Load);
        await cluster.WaitMembersAsync(l, 3);
        await cluster.WaitAcknowledgedAsync(l, (long)settings.BatchSize * settings.Window);
        await cluster.WaitHostsCountersAsync(s);
        await PartitionAndRecoverAsync(cluster, s, "the oldest, coordinator, loading and hosting counters", [b, l], l, PartitionDirection.Both);
    }
}
