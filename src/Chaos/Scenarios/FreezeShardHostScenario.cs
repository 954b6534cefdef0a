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
        (NodeProcess s, NodeProcess b, NodeProcess l) = await cluster.StartWithShardHostAsync(0);
        await FreezeAndRecoverAsync(cluster, b, "hosting counters", [s, l], l);
    }
}
