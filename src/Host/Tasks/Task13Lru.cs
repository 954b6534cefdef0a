using System.CommandLine;
using ActorConcurrency.Demonstrations;
using ActorConcurrency.Demonstrations.Lru;
using ActorConcurrency.Host.Catalog;
using Spectre.Console;

namespace ActorConcurrency.Host.Tasks;

/// <summary>
/// Task 13: the concurrent LRU in its three forms under one workload, each form's invariants checked afterwards, and
/// one sequence replayed on exact LRU and CLOCK to show what CLOCK's approximate recency costs (<see cref="LruExperiment"/>).
/// </summary>
internal sealed class Task13Lru : CatalogTask
{
    /// <summary>How many operations each worker performs on each shared-memory form.</summary>
    public static readonly TaskOption<int> Operations = new(
        "--operations", "LRU operations per worker thread (the actor gets a tenth: each is an Ask)", 200_000,
        v => v < 1 ? "must be at least 1" : null);

    public override TaskInfo Info { get; } = new(
        13,
        "Concurrent LRU",
        "concurrent LRU cache",
        "Lru",
        SharedStateTypes: ["LruCache<TKey,TValue>", "ClockLruCache<TKey,TValue>", "SingleOwnerLru<TKey,TValue>", "LruInvariants"],
        ActorTypes: ["LruActor<TKey,TValue>"],
        Specs: ["LruCacheSpec", "LruSurfaceSpec", "GolangLruCasesSpec", "ClockLruCacheSpec", "ClockLruUpdateSpec", "LruInvariantsSpec", "LruActorSpec", "LruExperimentSpec"],
        Benchmark: "LruBenchmarks");

    public override IReadOnlyList<Option> Options => [Operations.Option, RunOptions.Threads.Option];

    public override async Task<IDemonstrationResult> RunAsync(DemoContext context)
    {
        var settings = new LruSettings(context.Get(Operations), context.Get(RunOptions.Threads));
        LruResult result = await context.StatusAsync("Driving the LRU forms…", status => LruExperiment.RunAsync(settings, context.ActorSystem, status, context.CancellationToken));

        var table = new Table().Border(TableBorder.Rounded).AddColumns(
            "form", "threads", "operations", "hit ratio", "ops/s (indicative)", "invariants after the run", "note");
        foreach (LruFormRun r in result.Forms)
        {
            string invariants = Markup.Escape(r.Invariants.ToString());
            table.AddRow(
                Markup.Escape(r.Form),
                result.Threads.ToString(),
                r.Operations.ToString("N0"),
                $"{r.HitRatio:P1}",
                $"{r.OperationsPerSecond:N0}",
                r.Invariants.Holds ? $"[green]{invariants}[/]" : $"[red]{invariants}[/]",
                Markup.Escape(r.Note));
        }

        context.Console.Write(table);
        context.Console.MarkupLine(
            $"[grey]Workload: capacity {result.Capacity}, keys 0..{result.KeySpace - 1} uniform, 90% TryGet / 10% Set. Throughput is indicative " +
            "(one run on a shared machine); the real figures are in LruBenchmarks.[/]");

        LruReplay replay = result.Replay;
        string verdict = $"CLOCK − exact = {replay.GainPoints:+0.00;-0.00;0.00} points";
        context.Console.MarkupLine(
            $"Single-threaded replay of {replay.Length:N0} operations (Zipf keys): exact LRU hit ratio {replay.ExactHitRatio:P2}, CLOCK {replay.ClockHitRatio:P2}, " +
            (replay.CloseEnough ? $"[green]{verdict}[/]" : $"[red]{verdict}[/]") +
            $" (allowed: no more than {LruReplay.MaxGapPoints} points below); {replay.CommonKeys} of {result.Capacity} final keys in common.");
        return result;
    }
}
