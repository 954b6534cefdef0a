namespace ActorConcurrency.Chaos.Scenarios;

/// <summary>
/// <c>kill -9</c> of the seed node (the first member, which hosts shards) while a client loads: the survivors
/// down it, its shards move, and the client, retrying what timed out, finishes its load with every increment
/// counted once.
/// </summary>
internal sealed class KillSeedScenario : ChaosScenario
{
    public override string Name => "kill-seed";

    public override string Description => "S (seed), B, L; S is killed with kill -9 while L loads; L finishes its load";

    public override bool ExpectsExactTotal => true;

    internal override async Task RunAsync(ChaosCluster cluster)
    {
        (NodeProcess s, NodeProcess b, NodeProcess l) = await cluster.StartServersAndClientAsync(cluster.Settings.Load);
        await cluster.WaitAcknowledgedAsync(l, 1);
        await cluster.WaitHostsCountersAsync(s);
        RequireLoading(l, "the seed's kill");
        await cluster.KillAsync(s, "the seed, hosting shards");
        await cluster.WaitMembersAsync(l, 2);
        await cluster.WaitMembersAsync(b, 2);
        await cluster.WaitLoadCompleteAsync(l);
        cluster.Note($"L's load is done; live total on B: {b.Status?.Total:N0}");
    }
}
