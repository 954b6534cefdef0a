using System.CommandLine;
using ActorConcurrency.Host.Catalog;
using ActorConcurrency.SharedState.Counters;

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
        Specs: ["FixedCounterSpec", "CounterActorSpec"],
        Benchmark: "CounterBenchmarks");

    public override IReadOnlyList<Option> Options => CounterDemo.Options;

    public override async Task<DemoOutcome> RunAsync(DemoContext context) =>
        CounterDemo.ExactOutcome(await CounterDemo.MeasureAsync(
            context,
            CounterDemo.SharedMemory("Interlocked.Increment", () => new InterlockedCounter()),
            CounterDemo.Actor));
}
