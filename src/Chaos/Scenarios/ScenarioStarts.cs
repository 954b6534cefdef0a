namespace ActorConcurrency.Chaos.Scenarios;

/// <summary>The starts several scenarios share, written once: which nodes, seeded by whom, with what load, and what to wait for.</summary>
internal static class ScenarioStarts
{
    /// <summary>
    /// The scenarios' usual start: S (a new cluster), the server B seeded by S, then the client L seeded by S with
    /// <paramref name="load"/>; returns once S sees 2 members and L sees 3.
    /// </summary>
    public static async Task<(NodeProcess S, NodeProcess B, NodeProcess L)> StartServersAndClientAsync(this ChaosCluster cluster, long load)
    {
        NodeProcess s = await cluster.StartFirstAsync("S");
        NodeProcess b = cluster.Start("B", [s]);
        await cluster.WaitMembersAsync(s, 2);
        NodeProcess l = cluster.Start("L", [s], load);
        await cluster.WaitMembersAsync(l, 3);
        return (s, b, l);
    }

    /// <summary>
    /// The start of the scenarios that fault a shard host: S (a new cluster), B seeded by S with
    /// <paramref name="hostLoad"/>, then, once B hosts counters, the client L with the settings' load; returns once L
    /// has its first window acknowledged and B hosts counters (again, after the rebalance L's arrival may cause).
    /// </summary>
    public static async Task<(NodeProcess S, NodeProcess B, NodeProcess L)> StartWithShardHostAsync(this ChaosCluster cluster, long hostLoad)
    {
        NodeProcess s = await cluster.StartFirstAsync("S");
        NodeProcess b = cluster.Start("B", [s], hostLoad);
        await cluster.WaitMembersAsync(s, 2);
        // Every counter starts on S (its status line reads them all first); a rebalance gives B some within its interval.
        await cluster.WaitHostsCountersAsync(b);
        NodeProcess l = cluster.Start("L", [s], cluster.Settings.Load);
        await cluster.WaitMembersAsync(l, 3);
        await cluster.WaitAcknowledgedAsync(l, (long)cluster.Settings.BatchSize * cluster.Settings.Window);
        await cluster.WaitHostsCountersAsync(b);
        return (s, b, l);
    }
}
