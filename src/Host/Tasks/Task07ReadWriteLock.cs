using ActorConcurrency.Host.Catalog;

namespace ActorConcurrency.Host.Tasks;

/// <summary>Task 7: rwmutex vs mutex (planned).</summary>
internal sealed class Task07ReadWriteLock : PlannedTask
{
    public override TaskInfo Info { get; } = new(
        7,
        "RWMutex vs Mutex",
        "sync.RWMutex vs sync.Mutex",
        "Caches",
        SharedStateTypes: ["MonitorCache", "ThreadingLockCache", "ReaderWriterLockCache"],
        ActorTypes: [],
        Specs: ["CacheLockSpec"],
        Benchmark: "CacheLockBenchmarks");
}
