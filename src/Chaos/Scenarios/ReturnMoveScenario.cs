namespace ActorConcurrency.Chaos.Scenarios;

/// <summary>
/// Shards that come back to a node that wrote them before (issue 11's A → B → A): A loads alone, so every
/// counter is written on A; B joins and takes shards (A's load writes them on B), leaves cleanly so they return
/// to A and are written there again; B rejoins as a new node, takes shards, leaves again. Before the writer-id
/// fix, the replay after a restart discarded A's later events as an older writer's.
/// </summary>
internal sealed class ReturnMoveScenario : ChaosScenario
{
    public override string Name => "return-move";

    public override string Description => "A loads alone; B joins, takes shards, leaves; B2 does the same (A → B → A → B2 → A)";

    internal override async Task RunAsync(ChaosCluster cluster)
    {
        ChaosSettings settings = cluster.Settings;
        long someBatches = (long)settings.BatchSize * settings.Window;
        NodeProcess a = await cluster.StartFirstAsync("A", ChaosSettings.UntilStopped);
        await cluster.WaitAcknowledgedAsync(a, someBatches);
        await cluster.RunOnAsync();

        foreach (string name in new[] { "B", "B2" })
        {
            NodeProcess b = cluster.Start(name, [a]);
            await cluster.WaitMembersAsync(a, 2);
            await cluster.WaitHostsCountersAsync(b);
            cluster.Note($"{name} hosts {b.Status!.ShardsHere} shards, {b.Status.CountersHere} counters that A wrote before");
            await cluster.WaitMoreAcknowledgedAsync(a, someBatches);
            await cluster.RunOnAsync();
            await cluster.StopAsync(b);
            await cluster.WaitMembersAsync(a, 1);
            await cluster.WaitHostsCountersAsync(a);
            await cluster.WaitMoreAcknowledgedAsync(a, someBatches);
            cluster.Note($"{name}'s shards are back on A, which writes them again");
            await cluster.RunOnAsync();
        }
    }
}
