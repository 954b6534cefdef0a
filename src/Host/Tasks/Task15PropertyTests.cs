using ActorConcurrency.Host.Catalog;

namespace ActorConcurrency.Host.Tasks;

/// <summary>Task 15: property-based tests (planned).</summary>
internal sealed class Task15PropertyTests : PlannedTask
{
    public override TaskInfo Info { get; } = new(
        15,
        "Property-based tests",
        "property-based concurrent tests (rapid)",
        "Lru",
        SharedStateTypes: ["LruCache<TKey,TValue>", "SpscRingBuffer<T>"],
        ActorTypes: ["LruActor"],
        Specs: ["LruPropertySpec"],
        Benchmark: "");
}
