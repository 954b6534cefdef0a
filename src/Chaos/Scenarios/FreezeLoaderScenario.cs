namespace ActorConcurrency.Chaos.Scenarios;

/// <summary>
/// A loading client's node (L, which also hosts counters) is frozen in the middle of its load while a client on
/// another node (M) loads too: M must go on being acknowledged; L's batches in flight are either in the total once
/// or not at all, and when L wakes it finds itself downed.
/// </summary>
internal sealed class FreezeLoaderScenario : FreezeScenario
{
    public override string Name => "freeze-loader";

    public override string Description => "S, L and M load; L is frozen (kill -STOP, kill -CONT after --fault-seconds) mid-load; M finishes its load";

    internal override async Task RunAsync(ChaosCluster cluster)
    {
        ChaosSettings settings = cluster.Settings;
        long someBatches = (long)settings.BatchSize * settings.Window;
        NodeProcess s = await cluster.StartFirstAsync("S");
        NodeProcess l = cluster.Start("L", [s], ChaosSettings.UntilStopped);
        await cluster.WaitMembersAsync(s, 2);
        await cluster.WaitAcknowledgedAsync(l, someBatches);
        // Every counter starts on S (its status line reads them all first); a rebalance gives L some within its
        // interval. M's finite load starts only then, so that it outlasts the wait.
        await cluster.WaitHostsCountersAsync(l);
        NodeProcess m = cluster.Start("M", [s], settings.Load);
        await cluster.WaitMembersAsync(m, 3);
        await cluster.WaitAcknowledgedAsync(m, someBatches);
        await cluster.WaitHostsCountersAsync(l);
        await FreezeAndRecoverAsync(cluster, l, "a client, hosting counters", [s, m], m);
    }
}
