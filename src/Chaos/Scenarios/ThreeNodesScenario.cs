namespace ActorConcurrency.Chaos.Scenarios;

/// <summary>Three nodes, one of them a client that sends a finite load; nothing fails. The baseline: every increment is counted once.</summary>
internal sealed class ThreeNodesScenario : ChaosScenario
{
    public override string Name => "three-nodes";

    public override string Description => "three nodes, L loads until its load is done; nothing fails";

    public override bool ExpectsExactTotal => true;

    internal override async Task RunAsync(ChaosCluster cluster)
    {
        NodeProcess s = await cluster.StartFirstAsync("S");
        NodeProcess b = cluster.Start("B", [s]);
        await cluster.WaitMembersAsync(s, 2);
        NodeProcess l = cluster.Start("L", [s], cluster.Settings.Load);
        await cluster.WaitMembersAsync(l, 3);
        await cluster.WaitMembersAsync(b, 3);
        await cluster.WaitLoadCompleteAsync(l);
        cluster.Note($"L's load is done; live total on S: {s.Status?.Total:N0}");
    }
}
