namespace ActorConcurrency.Chaos.Scenarios;

/// <summary>Three nodes, one of them a client that sends a finite load; nothing fails. The baseline: every increment is counted once.</summary>
internal sealed class ThreeNodesScenario : ChaosScenario
{
    public override string Name => "three-nodes";

    public override string Description => "three nodes, L loads until its load is done; nothing fails";

    public override bool ExpectsExactTotal => true;

    internal override async Task RunAsync(ChaosCluster cluster)
    {
        (NodeProcess s, NodeProcess b, NodeProcess l) = await cluster.StartServersAndClientAsync(cluster.Settings.Load);
        await cluster.WaitMembersAsync(b, 3);
        await cluster.WaitLoadCompleteAsync(l);
        cluster.Note($"L's load is done; live total on S: {s.Status?.Total:N0}");
    }
}
