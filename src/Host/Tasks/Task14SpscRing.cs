using ActorConcurrency.Host.Catalog;

namespace ActorConcurrency.Host.Tasks;

/// <summary>Task 14: spsc ring buffer (planned).</summary>
internal sealed class Task14SpscRing : PlannedTask
{
    public override TaskInfo Info { get; } = new(
        14,
        "SPSC ring buffer",
        "lock-free SPSC ring buffer",
        "Rings",
        SharedStateTypes: ["SpscRingBuffer<T>"],
        ActorTypes: ["counting actor (mailbox)"],
        Specs: ["SpscRingBufferSpec"],
        Benchmark: "SpscBenchmarks");
}
