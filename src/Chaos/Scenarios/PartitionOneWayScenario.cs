using ActorConcurrency.Actors.ShardedCounters;

namespace ActorConcurrency.Chaos.Scenarios;

/// <summary>
/// Like <c>partition</c>, but one way: B's messages to S and L are lost while theirs reach B. Heartbeat replies are
/// messages too, so each side stops hearing the other's answers and both see the other unreachable: B, without the
/// oldest, downs itself.
/// </summary>
internal sealed class PartitionOneWayScenario : PartitionScenario
{
    public override string Name => "partition-one-way";

    public override string Description => "S (oldest), B and L load; B's messages to S and L are lost, theirs to B arrive; L finishes";

    internal override Task RunAsync(ChaosCluster cluster) => PartitionShardHostScenario.PartitionBAsync(cluster, PartitionDirection.Send);
}
