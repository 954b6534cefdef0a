namespace ActorConcurrency.Chaos.Scenarios;

/// <summary>
/// A member that hosts counters (B, or the seed S when B has none yet) leaves cleanly (SIGTERM) while a client loads: its shards hand off; increments
/// buffered at the hand-off are retried by the client, never lost and never counted twice.
/// </summary>
internal sealed class CleanLeaveScenario : ChaosScenario
{
    public override string Name => "clean-leave";

    public override string Description => "S, B, L; a member hosting counters leaves cleanly (SIGTERM) while L loads; L finishes";

    public override bool ExpectsExactTotal => true;

    internal override async Task RunAsync(ChaosCluster cluster)
    {
        (NodeProcess s, NodeProcess b, NodeProcess l) = await cluster.StartServersAndClientAsync(cluster.Settings.Load);
        await cluster.WaitAcknowledgedAsync(l, 1);
        // The first member to host a counter leaves: waiting for a rebalance to give B one could outlast the load.
        await cluster.WaitAnyHostsCountersAsync([b, s]);
        NodeProcess leaving = b.Status is { CountersHere: > 0 } ? b : s;
        RequireLoading(l, $"{leaving.Name}'s leave");
        cluster.Note($"{leaving.Name} hosts {leaving.Status!.CountersHere} counters and leaves");
        await cluster.StopAsync(leaving);
        await cluster.WaitMembersAsync(l, 2);
        await cluster.WaitLoadCompleteAsync(l);
        cluster.Note($"L's load is done; live total on S: {s.Status?.Total:N0}");
    }
}
