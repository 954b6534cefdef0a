using ActorConcurrency.Host.Catalog;

namespace ActorConcurrency.Host.Tasks;

/// <summary>Task 10: false sharing (planned).</summary>
internal sealed class Task10FalseSharing : PlannedTask
{
    public override TaskInfo Info { get; } = new(
        10,
        "False sharing",
        "false sharing",
        "FalseSharing",
        SharedStateTypes: ["AdjacentCounters", "PaddedCounters64", "PaddedCounters128"],
        ActorTypes: [],
        Specs: ["PaddingSpec"],
        Benchmark: "FalseSharingBenchmarks");
}
