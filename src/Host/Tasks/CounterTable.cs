using System.CommandLine;
using ActorConcurrency.Demonstrations.Counters;
using ActorConcurrency.Host.Catalog;
using Spectre.Console;

namespace ActorConcurrency.Host.Tasks;

/// <summary>Tasks 1–4's counters: their options read into <see cref="CounterSettings"/>, measured, and printed as one table.</summary>
internal static class CounterTable
{
    /// <summary>The options the fixed-counter demonstrations (tasks 2–4) read: one increment per task, the exercise as written.</summary>
    public static IReadOnlyList<Option> Options { get; } = [RunOptions.Runs.Option, RunOptions.Tasks.Option];

    /// <summary>Measures <paramref name="forms"/> with <c>--runs</c> and <c>--tasks</c> (and <paramref name="increments"/> each) and prints the table.</summary>
    public static async Task<CounterRuns> MeasureAsync(DemoContext context, IReadOnlyList<CounterForm> forms, int increments = 1)
    {
        var settings = new CounterSettings(context.Get(RunOptions.Runs), context.Get(RunOptions.Tasks), increments);
        CounterRuns runs = await context.StatusAsync("measuring", status => CounterExperiment.MeasureAsync(settings, forms, status, context.CancellationToken));
        context.Console.Write(For(runs));
        return runs;
    }

    private static Table For(CounterRuns runs)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .Title(runs.Increments == 1
                ? $"{runs.Tasks:N0} tasks released together, each incrementing once"
                : $"{runs.Tasks:N0} tasks released together, each incrementing {runs.Increments:N0} times in a row")
            .AddColumns("form", "runs", "expected", "smallest total", "largest total", "runs that lost updates");
        foreach (CounterTotals t in runs.Forms)
        {
            string lost = t.AllExact ? "[green]0[/]" : $"[red]{t.RunsWithLostUpdates}[/]";
            table.AddRow(Markup.Escape(t.Form), runs.Runs.ToString(), t.Expected.ToString("N0"), t.Min.ToString("N0"), t.Max.ToString("N0"), lost);
        }

        return table;
    }
}
