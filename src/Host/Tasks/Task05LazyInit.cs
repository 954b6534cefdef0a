using ActorConcurrency.Host.Catalog;

namespace ActorConcurrency.Host.Tasks;

/// <summary>Task 5: lazy init exactly once (planned).</summary>
internal sealed class Task05LazyInit : PlannedTask
{
    public override TaskInfo Info { get; } = new(
        5,
        "Lazy init exactly once",
        "sync.Once lazy init",
        "LazyInit",
        SharedStateTypes: ["LazyCache", "LazyInitializerCache", "DoubleCheckedCache", "UnsafeLazyCache"],
        ActorTypes: [],
        Specs: ["LazyInitSpec"],
        Benchmark: "");
}
