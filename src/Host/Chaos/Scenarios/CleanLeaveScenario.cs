namespace ActorConcurrency.Host.Chaos.Scenarios;

/// <summary>
/// A node that hosts counters leaves cleanly (SIGTERM) while a client loads: its shards hand off; increments
/// buffered at the hand-off are retried by the client, never lost and never counted twice.
/// </summary>
internal sealed class CleanLeaveScenario : ChaosScenario
{
    public override string Name => "clean-leave";

    public override string Description => "S, B, L; B hosts counters and leaves cleanly (SIGTERM) while L loads; L finishes its load";

    public override bool ExpectsExactTotal => true;

    public override async Task RunAsync(ChaosCluster cluster)
    {
        NodeProcess s = await cluster.StartFirstAsync("S");
        NodeProcess b = cluster.Start("B", [s]);
        await cluster.WaitMembersAsync(s, 2);
        NodeProcess l = cluster.Start("L", [s], cluster.Settings.Load);
        await cluster.WaitMembersAsync(l, 3);
        await cluster.WaitAcknowledgedAsync(l, 1);
        await cluster.WaitHostsCountersAsync(b);
        RequireLoading(l, "B's leave");
        await cluster.StopAsync(b);
        await cluster.WaitMembersAsync(l, 2);
        await cluster.WaitLoadCompleteAsync(l);
        cluster.Note($"L's load is done; live total on S: {s.Status?.Total:N0}");
    }
}
