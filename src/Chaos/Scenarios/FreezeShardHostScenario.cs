namespace ActorConcurrency.Chaos.Scenarios;

/// <summary>
/// A member that hosts counters and is neither the oldest nor the client (B) is frozen while L loads: its shards
/// move to S and L while it sleeps, with its journal connections still open.
/// </summary>
internal sealed class FreezeShardHostScenario : FreezeScenario
{
    public override string Name => "freeze-shard-host";

    public override string Description => "S, B, L; B, hosting counters, is frozen (kill -STOP, kill -CONT after --fault-seconds) while L loads; L finishes";

    internal override async Task RunAsync(ChaosCluster cluster)
    {
        ChaosSettings settings = cluster.Settings;
        NodeProcess s = await cluster.StartFirstAsync("S");
        NodeProcess b = cluster.Start("B", [s]);
        await cluster.WaitMembersAsync(s, 2);
        // Every counter starts on S (its status line reads them all first); a rebalance gives B some within its interval.
        await cluster.WaitHostsCountersAsync(b);
        NodeProcess l = cluster.Start("L", [s], settings.Load);
        await cluster.WaitMembersAsync(l, 3);
        await cluster.WaitAcknowledgedAsync(l, (long)settings.BatchSize * settings.Window);
        await cluster.WaitHostsCountersAsync(b);
        await FreezeAndRecoverAsync(cluster, b, "hosting counters", [s, l], l);
    }
}
