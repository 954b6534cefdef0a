using ActorConcurrency.Host.Catalog;

namespace ActorConcurrency.Host.Tasks;

/// <summary>Task 6: config hot-reload (planned).</summary>
internal sealed class Task06ConfigReload : PlannedTask
{
    public override TaskInfo Info { get; } = new(
        6,
        "Config hot-reload",
        "atomic.Pointer config hot-reload",
        "Config",
        SharedStateTypes: ["ConfigService", "Config"],
        ActorTypes: ["ConfigOwnerActor"],
        Specs: ["ConfigServiceSpec", "ConfigOwnerActorSpec"],
        Benchmark: "");
}
