namespace ActorConcurrency.Chaos.Scenarios;

/// <summary>
/// The oldest member (the seed: it runs the shard coordinator, a cluster singleton, hosts counters and loads them
/// itself) is frozen while a client on a third node loads too. The coordinator moves to the next oldest, the frozen
/// node's shards move; its own client's batches in flight are either in the total once or not at all.
/// </summary>
internal sealed class FreezeOldestScenario : FreezeScenario
{
    public override string Name => "freeze-oldest";

    public override string Description => "S (oldest, coordinator) and L load, B; S is frozen (kill -STOP, kill -CONT after --fault-seconds); L finishes";

    internal override async Task RunAsync(ChaosCluster cluster)
    {
        ChaosSettings settings = cluster.Settings;
        NodeProcess s = await cluster.StartFirstAsync("S", ChaosSettings.UntilStopped);
        NodeProcess b = cluster.Start("B", [s]);
        await cluster.WaitMembersAsync(s, 2);
        NodeProcess l = cluster.Start("L", [s], settings.Load);
        await cluster.WaitMembersAsync(l, 3);
        await cluster.WaitAcknowledgedAsync(l, (long)settings.BatchSize * settings.Window);
        await cluster.WaitHostsCountersAsync(s);
        await FreezeAndRecoverAsync(cluster, s, "the oldest, coordinator, loading and hosting counters", [b, l], l);
    }
}
