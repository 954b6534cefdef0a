using System.CommandLine;
using ActorConcurrency.Demonstrations;
using ActorConcurrency.Demonstrations.Singleflight;
using ActorConcurrency.Host.Catalog;
using Spectre.Console;

namespace ActorConcurrency.Host.Tasks;

/// <summary>
/// Task 17: singleflight (<see cref="SingleflightExperiment"/>): <c>--callers</c> concurrent callers of one key per run,
/// <c>--runs</c> runs per form, the computes and shared results counted; then the leader's compute throwing.
/// </summary>
internal sealed class Task17Singleflight : CatalogTask
{
    /// <summary>How many concurrent callers ask for the same key.</summary>
    public static readonly TaskOption<int> Callers = new(
        "--callers", "How many concurrent callers ask for one key (task 17)", 100, v => v is < 1 or > 100_000 ? "must be from 1 to 100000" : null);

    public override TaskInfo Info { get; } = new(
        17,
        "Singleflight",
        "singleflight: suppress duplicate concurrent calls",
        "Singleflight",
        SharedStateTypes: ["SingleflightGroup<TKey,TValue>", "LazySingleflight<TKey,TValue>"],
        ActorTypes: ["SingleflightCoordinator<TKey,TValue>"],
        Specs: ["SingleflightGroupSpec", "LazySingleflightSpec", "SingleflightCoordinatorSpec", "SingleflightExperimentSpec"],
        Benchmark: "SingleflightBenchmarks");

    public override IReadOnlyList<Option> Options => [RunOptions.Runs.Option, Callers.Option];

    public override async Task<IDemonstrationResult> RunAsync(DemoContext context)
    {
        DuplicateSuppressionResult result = await SingleflightExperiment.RunAsync(
            new SingleflightSettings(context.Get(RunOptions.Runs), context.Get(Callers)), context.ActorSystem, context.CancellationToken);

        var table = new Table().Border(TableBorder.Rounded)
            .Title($"[bold]{result.Callers} concurrent callers of one key, leader held until all joined, {result.Runs} runs per form[/]")
            .AddColumns("form", "computes per run", "shared results per run", "distinct values", "waiters registered (as reported)", "indicative µs per run");
        var failures = new Table().Border(TableBorder.Rounded)
            .Title("[bold]The leader's compute throws: a fault, then a cancellation[/]")
            .AddColumns("form", "compute throws", "callers", "computes", "callers that got its own exception", "callers whose task was canceled");
        foreach (SingleflightForm form in result.Forms)
        {
            IReadOnlyList<FlightRun> runs = form.Runs;
            table.AddRow(
                Markup.Escape(form.Form),
                Range(runs.Select(r => r.Computes), expected: 1),
                Range(runs.Select(r => r.Shared), expected: result.ExpectedShared),
                Range(runs.Select(r => r.DistinctValues), expected: 1),
                runs[0].Registered is null ? "[grey]n/a (joining is synchronous)[/]" : Range(runs.Select(r => r.Registered!.Value), expected: result.Callers),
                $"{runs.Average(r => r.Microseconds):0}");
            foreach (FlightFailure failure in form.Failures)
            {
                failures.AddRow(
                    Markup.Escape(form.Form), failure.Thrown, failure.Callers.ToString(), Colour(failure.Computes, 1),
                    Colour(failure.GotException, failure.Callers), Colour(failure.Canceled, failure.ExpectedCanceled));
            }
        }

        context.Console.Write(table);
        context.Console.Write(failures);
        context.Console.MarkupLine("[grey]Timings are indicative (one process, no warm-up); see SingleflightBenchmarks for the real figures.[/]");
        return result;
    }

    private static string Colour(int value, int expected) => value == expected ? $"[green]{value}[/]" : $"[red]{value}[/]";

    private static string Range(IEnumerable<int> values, int expected)
    {
        int[] all = values.ToArray();
        int min = all.Min(), max = all.Max();
        string text = min == max ? min.ToString() : $"{min}–{max}";
        return min == expected && max == expected ? $"[green]{text}[/]" : $"[red]{text}[/]";
    }
}
