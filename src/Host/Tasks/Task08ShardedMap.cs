using ActorConcurrency.Host.Catalog;

namespace ActorConcurrency.Host.Tasks;

/// <summary>Task 8: sync.map vs shards (planned).</summary>
internal sealed class Task08ShardedMap : PlannedTask
{
    public override TaskInfo Info { get; } = new(
        8,
        "sync.Map vs shards",
        "sync.Map vs sharded map",
        "Maps",
        SharedStateTypes: ["ConcurrentDictionary", "ShardedDictionary"],
        ActorTypes: [],
        Specs: ["ShardedDictionarySpec"],
        Benchmark: "MapBenchmarks");
}
