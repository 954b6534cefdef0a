using ActorConcurrency.Host.Catalog;

namespace ActorConcurrency.Host.Tasks;

/// <summary>Task 16: mutex profile (planned).</summary>
internal sealed class Task16MutexProfile : PlannedTask
{
    public override TaskInfo Info { get; } = new(
        16,
        "Mutex profile",
        "mutex contention profile",
        "Profiling",
        SharedStateTypes: ["WorkerPool", "ContentionProfiler"],
        ActorTypes: ["WorkerRouterPool", "StatsActor"],
        Specs: ["ContentionProfilerSpec"],
        Benchmark: "");
}
