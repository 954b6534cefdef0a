using ActorConcurrency.Host.Catalog;

namespace ActorConcurrency.Host.Tasks;

/// <summary>Task 17: singleflight (planned).</summary>
internal sealed class Task17Singleflight : PlannedTask
{
    public override TaskInfo Info { get; } = new(
        17,
        "Singleflight",
        "singleflight",
        "Singleflight",
        SharedStateTypes: ["SingleflightGroup<TKey,TValue>", "LazySingleflight<TKey,TValue>"],
        ActorTypes: ["SingleflightCoordinator"],
        Specs: ["SingleflightGroupSpec", "SingleflightCoordinatorSpec"],
        Benchmark: "SingleflightBenchmarks");
}
