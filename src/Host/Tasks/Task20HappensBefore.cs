using ActorConcurrency.Host.Catalog;

namespace ActorConcurrency.Host.Tasks;

/// <summary>Task 20: happens-before (planned).</summary>
internal sealed class Task20HappensBefore : PlannedTask
{
    public override TaskInfo Info { get; } = new(
        20,
        "Happens-before",
        "happens-before quiz",
        "HappensBefore",
        SharedStateTypes: ["RaceDetector"],
        ActorTypes: ["Tell → receive edge"],
        Specs: ["HappensBeforeSpec"],
        Benchmark: "");
}
