using ActorConcurrency.Host.Catalog;

namespace ActorConcurrency.Host.Tasks;

/// <summary>Task 12: pooling (planned).</summary>
internal sealed class Task12Pooling : PlannedTask
{
    public override TaskInfo Info { get; } = new(
        12,
        "Pooling",
        "sync.Pool",
        "Pooling",
        SharedStateTypes: ["ArrayPool<byte>", "DedicatedBufferPool"],
        ActorTypes: [],
        Specs: ["PoolingHazardSpec"],
        Benchmark: "PoolingBenchmarks");
}
