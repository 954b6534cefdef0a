using ActorConcurrency.Host.Catalog;

namespace ActorConcurrency.Host.Tasks;

/// <summary>Task 13: concurrent lru (planned).</summary>
internal sealed class Task13Lru : PlannedTask
{
    public override TaskInfo Info { get; } = new(
        13,
        "Concurrent LRU",
        "concurrent LRU cache",
        "Lru",
        SharedStateTypes: ["LruCache<TKey,TValue>"],
        ActorTypes: ["LruActor"],
        Specs: ["LruCacheSpec", "LruActorSpec"],
        Benchmark: "LruBenchmarks");
}
