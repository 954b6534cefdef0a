using System.CommandLine;
using ActorConcurrency.Demonstrations;
using ActorConcurrency.Demonstrations.Counters;
using ActorConcurrency.Host.Catalog;

namespace ActorConcurrency.Host.Tasks;

/// <summary>Task 3: the race fixed with a mutex, in both of .NET's forms, beside the owner actor.</summary>
internal sealed class Task03Mutex : CatalogTask
{
    public override TaskInfo Info { get; } = new(
        3,
        "Fix with a mutex",
        "fix the race with sync.Mutex",
        "Counters",
        SharedStateTypes: ["MonitorCounter", "ThreadingLockCounter"],
        ActorTypes: ["CounterActor"],
        Specs: ["FixedCounterSpec", "CounterActorSpec", "CounterExperimentSpec"],
        Benchmark: "CounterBenchmarks");

    public override IReadOnlyList<Option> Options => CounterTable.Options;

    public override async Task<IDemonstrationResult> RunAsync(DemoContext context) =>
        await CounterTable.MeasureAsync(context, CounterForm.Mutex(context.ActorSystem));
}
