using System.CommandLine;
using ActorConcurrency.Host.Catalog;
using ActorConcurrency.SharedState.Counters;

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
        Specs: ["FixedCounterSpec", "CounterActorSpec"],
        Benchmark: "CounterBenchmarks");

    public override IReadOnlyList<Option> Options => CounterDemo.Options;

    public override async Task<DemoOutcome> RunAsync(DemoContext context) =>
        CounterDemo.ExactOutcome(await CounterDemo.MeasureAsync(
            context,
            CounterDemo.SharedMemory("lock (Monitor)", () => new MonitorCounter()),
            CounterDemo.SharedMemory("lock (System.Threading.Lock)", () => new ThreadingLockCounter()),
            CounterDemo.Actor));
}
