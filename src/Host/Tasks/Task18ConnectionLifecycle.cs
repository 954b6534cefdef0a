using ActorConcurrency.Host.Catalog;

namespace ActorConcurrency.Host.Tasks;

/// <summary>Task 18: connection state machine (planned).</summary>
internal sealed class Task18ConnectionLifecycle : PlannedTask
{
    public override TaskInfo Info { get; } = new(
        18,
        "Connection state machine",
        "state machine with atomics",
        "Connection",
        SharedStateTypes: ["LockedConnection", "CasConnection"],
        ActorTypes: ["ConnectionFsm"],
        Specs: ["ConnectionLifecycleSpec", "ConnectionFsmSpec"],
        Benchmark: "ConnectionBenchmarks");
}
