using System.CommandLine;
using ActorConcurrency.Host.Catalog;
using ActorConcurrency.SharedState.Counters;
using Spectre.Console;

namespace ActorConcurrency.Host.Tasks;

/// <summary>
/// Task 1: the data race. Runs the racy counter <c>--runs</c> times and reports what it saw, forces the
/// interleaving that loses an update, then runs the counter under the race detector, which reports the
/// race even on a run where the scheduler was kind.
/// </summary>
internal sealed class Task01DataRace : CatalogTask
{
    public override TaskInfo Info { get; } = new(
        1,
        "Data race",
        "data race: counter++ from 1000 goroutines",
        "Counters",
        SharedStateTypes: ["RacyCounter", "ConcurrentIncrements"],
        ActorTypes: [],
        Specs: ["RacyCounterSpec", "RaceDetectorSectionsSpec"],
        Benchmark: "CounterBenchmarks");

    public override IReadOnlyList<Option> Options => [RunOptions.Runs.Option, RunOptions.Tasks.Option];

    public override async Task<DemoOutcome> RunAsync(DemoContext context)
    {
        var results = await CounterDemo.MeasureAsync(context, CounterDemo.SharedMemory("counter++ (RacyCounter)", () => new RacyCounter()));
        var racy = results[0];

        // Force the bad schedule: B's whole increment runs between A's load and A's store.
        var counter = new RacyCounter();
        counter.Increment(betweenLoadAndStore: counter.Increment);
        int forced = counter.Read();

        context.Console.MarkupLine(
            $"Free-running: [bold]{racy.RunsWithLostUpdates}[/] of {racy.PerRun.Count} runs lost updates; smallest total [bold]{racy.Min}[/] of {racy.Expected}.");
        context.Console.MarkupLine(
            $"Forced interleaving (B increments between A's load and A's store): 2 increments -> total [bold]{forced}[/].");
        if (racy.RunsWithLostUpdates == 0)
        {
            context.Console.MarkupLine("[grey]No run lost an update this time: a race need not show itself to be there.[/]");
        }

        DemoOutcome detector = RaceDetectorSections.PrintRacyCounterReport(context);
        DemoOutcome raceMode = Race.RaceModeSection.Print(context, nameof(Race.RaceProbes.RacyCounter), nameof(Race.RaceProbes.InterlockedCounter));
        return new DemoOutcome(
            forced == 1 && detector.Held && raceMode.Held,
            $"lost updates in {racy.RunsWithLostUpdates}/{racy.PerRun.Count} runs, smallest total {racy.Min}/{racy.Expected}; forced interleaving: 2 increments -> {forced}; {detector.Evidence}; {raceMode.Evidence}");
    }
}
