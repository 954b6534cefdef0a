using ActorConcurrency.Host.Catalog;

namespace ActorConcurrency.Host.Tasks;

/// <summary>Task 11: works on my machine (planned).</summary>
internal sealed class Task11MemoryModel : PlannedTask
{
    public override TaskInfo Info { get; } = new(
        11,
        "Works on my machine",
        "memory-model undefined behaviour",
        "MemoryModel",
        SharedStateTypes: ["StopFlagProbe", "PublicationProbe"],
        ActorTypes: [],
        Specs: ["MemoryModelProbeSpec"],
        Benchmark: "");
}
