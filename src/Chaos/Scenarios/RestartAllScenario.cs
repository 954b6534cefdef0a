namespace ActorConcurrency.Chaos.Scenarios;

/// <summary>
/// A three-node cluster loads, every node stops, and three new nodes start on the same journal: the restarted
/// cluster reads the first load back and a second client adds to it; the journal ends with both loads.
/// </summary>
internal sealed class RestartAllScenario : ChaosScenario
{
    public override string Name => "restart-all";

    public override string Description => "S, B, L load and all stop; S2, B2, L2 restart on the same journal and load again";

    public override bool ExpectsExactTotal => true;

    internal override async Task RunAsync(ChaosCluster cluster)
    {
        (_, _, NodeProcess l) = await cluster.StartServersAndClientAsync(cluster.Settings.Load);
        await cluster.WaitLoadCompleteAsync(l);
        await cluster.StopAllAsync();
        long first = l.ReadReport()?.Sent ?? 0;

        NodeProcess s2 = await cluster.StartFirstAsync("S2");
        NodeProcess b2 = cluster.Start("B2", [s2]);
        await cluster.WaitMembersAsync(s2, 2);
        await cluster.WaitMembersAsync(b2, 2);
        cluster.Note($"restarted cluster reads {s2.Status?.Total:N0} (the first load sent {first:N0})");
        NodeProcess l2 = cluster.Start("L2", [s2], cluster.Settings.Load);
        await cluster.WaitMembersAsync(l2, 3);
        await cluster.WaitLoadCompleteAsync(l2);
        cluster.Note($"L2's load is done; live total on S2: {s2.Status?.Total:N0}");
    }
}
