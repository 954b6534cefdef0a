using System.CommandLine;
using ActorConcurrency.Demonstrations;
using ActorConcurrency.Demonstrations.Counters;
using ActorConcurrency.Host.Catalog;

namespace ActorConcurrency.Host.Tasks;

/// <summary>Task 2: the race fixed with an atomic increment, beside the owner actor.</summary>
internal sealed class Task02Atomic : CatalogTask
{
    public override TaskInfo Info { get; } = new(
        2,
        "Fix with an atomic",
        "fix the race with sync/atomic",
        "Counters",
        SharedStateTypes: ["InterlockedCounter"],
        ActorTypes: ["CounterActor"],
        Specs: ["FixedCounterSpec", "CounterActorSpec", "CounterExperimentSpec"],
        Benchmark: "CounterBenchmarks");

    public override IReadOnlyList<Option> Options => CounterTable.Options;

    public override async Task<IDemonstrationResult> RunAsync(DemoContext context) =>
        await CounterTable.MeasureAsync(context, CounterForm.Atomic(context.ActorSystem));
}
