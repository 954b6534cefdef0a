using ActorConcurrency.Host.Catalog;

namespace ActorConcurrency.Host.Tasks;

/// <summary>Task 19: cross-shard reads (planned).</summary>
internal sealed class Task19ShardedCounters : PlannedTask
{
    public override TaskInfo Info { get; } = new(
        19,
        "Cross-shard reads",
        "sharded counter with monotonic reads",
        "ShardedCounters",
        SharedStateTypes: ["StripedCounter"],
        ActorTypes: ["CounterEntity (Cluster.Sharding)"],
        Specs: ["StripedCounterSpec", "ShardedCounterSpec"],
        Benchmark: "ShardedCounterBenchmarks");
}
