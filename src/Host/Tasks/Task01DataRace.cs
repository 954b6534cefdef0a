using System.CommandLine;
using ActorConcurrency.Demonstrations;
using ActorConcurrency.Demonstrations.Counters;
using ActorConcurrency.Demonstrations.RaceForms;
using ActorConcurrency.Host.Catalog;
using ActorConcurrency.Host.Race;
using Spectre.Console;

namespace ActorConcurrency.Host.Tasks;

/// <summary>
/// Task 1: the data race. Runs the racy counter <c>--runs</c> times (tasks released together, each incrementing
/// <c>--increments</c> times in a row, so cores overlap) and reports what it saw, forces the
/// interleaving that loses an update, then runs the counter under the race detector, which reports the
/// race even on a run where the scheduler was kind, and the plain counter under race mode.
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
        Specs: ["RacyCounterSpec", "CounterExperimentSpec", "CounterDetectionSpec"],
        Benchmark: "CounterBenchmarks");

    public override IReadOnlyList<Option> Options => [RunOptions.Runs.Option, RunOptions.Tasks.Option, RunOptions.Increments.Option];

    public override async Task<IDemonstrationResult> RunAsync(DemoContext context)
    {
        int increments = context.Get(RunOptions.Increments);
        CounterRuns freeRunning = await CounterTable.MeasureAsync(context, [CounterForm.Racy], increments);
        CounterTotals racy = freeRunning.Forms[0];
        int forced = CounterExperiment.ForceLostUpdate();

        context.Console.MarkupLine(
            $"Free-running: [bold]{racy.RunsWithLostUpdates}[/] of {racy.PerRun.Count} runs lost updates; smallest total [bold]{racy.Min:N0}[/] of {racy.Expected:N0}.");
        context.Console.MarkupLine(
            $"[grey]What makes it visible: the tasks are released together by one gate and each does {increments:N0} counter++ in a row, so " +
            $"{Environment.ProcessorCount} cores are inside the load–add–store at the same time; with --increments 1 (the exercise as written) " +
            "a task is usually done before the next starts and losses are rare. Nothing is slowed down or injected between load and store.[/]");
        context.Console.MarkupLine(
            $"Forced interleaving (B increments between A's load and A's store): 2 increments -> total [bold]{forced}[/].");
        if (racy.RunsWithLostUpdates == 0)
        {
            context.Console.MarkupLine("[yellow]No free run lost an update this time (not observed in this run): a race need not show itself to be there.[/]");
        }

        RacyCounterDetection detector = CounterDetection.RacyCounter(context.Get(RunOptions.Tasks));
        DetectorTables.Print(context.Console, detector);
        RaceModeResult raceMode = RaceModeSection.Print(context.Console, nameof(RaceProbes.RacyCounter), nameof(RaceProbes.InterlockedCounter));
        return new DataRaceResult(freeRunning, forced, detector, raceMode);
    }
}
