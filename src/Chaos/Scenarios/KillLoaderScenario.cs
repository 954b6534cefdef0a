namespace ActorConcurrency.Chaos.Scenarios;

/// <summary>
/// <c>kill -9</c> of the client itself, mid-load: what it had acknowledged at its last tick must be in the
/// total; what it sent after that tick is unknown, so only the lower bound is checked.
/// </summary>
internal sealed class KillLoaderScenario : ChaosScenario
{
    public override string Name => "kill-loader";

    public override string Description => "S and B; L loads and is killed with kill -9 mid-load; S and B go on";

    internal override async Task RunAsync(ChaosCluster cluster)
    {
        NodeProcess s = await cluster.StartFirstAsync("S");
        NodeProcess b = cluster.Start("B", [s]);
        await cluster.WaitMembersAsync(s, 2);
        NodeProcess l = cluster.Start("L", [s], ChaosSettings.UntilStopped);
        await cluster.WaitMembersAsync(b, 3);
        await cluster.WaitAcknowledgedAsync(l, 1);
        await cluster.RunOnAsync();
        await cluster.KillAsync(l, "the loaded node");
        await cluster.WaitMembersAsync(s, 2);
        await cluster.WaitMembersAsync(b, 2);
        cluster.Note($"L downed and removed; live total on S: {s.Status?.Total:N0}");
    }
}
