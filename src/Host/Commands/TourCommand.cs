using System.CommandLine;
using System.Diagnostics;
using ActorConcurrency.Host.Catalog;
using Spectre.Console;

namespace ActorConcurrency.Host.Commands;

/// <summary>The tour (the host with no command): all 20 tasks in order, then a summary table.</summary>
internal static class TourCommand
{
    public static async Task<int> RunAsync(HostConsole console, CancellationToken cancellationToken)
    {
        var rows = new List<(CatalogTask Task, DemoOutcome Outcome, TimeSpan Elapsed)>();
        await using (var context = new DemoContext(console.Output, parseResult: null, cancellationToken))
        {
            foreach (CatalogTask task in TaskCatalog.All)
            {
                var watch = Stopwatch.StartNew();
                DemoOutcome outcome = await RunOneAsync(task, context);
                rows.Add((task, outcome, watch.Elapsed));
            }
        }

        var summary = new Table().Border(TableBorder.Rounded).Title("[bold]Tour summary[/]")
            .AddColumns("#", "task", "held", "evidence (measured in this run)", "seconds");
        foreach (var (task, outcome, elapsed) in rows)
        {
            summary.AddRow(
                task.Info.Number.ToString(),
                Markup.Escape(task.Info.Title),
                outcome.Held ? "[green]yes[/]" : "[red]no[/]",
                Markup.Escape(outcome.Evidence),
                elapsed.TotalSeconds.ToString("0.0"));
        }

        console.Output.WriteLine();
        console.Output.Write(summary);
        return rows.All(r => r.Outcome.Held) ? ExitCodes.Ok : ExitCodes.DemonstrationFailed;
    }

    /// <summary>Runs one demonstration under a heading; an exception is reported as a failed demonstration.</summary>
    public static async Task<DemoOutcome> RunOneAsync(CatalogTask task, DemoContext context)
    {
        context.Console.Write(new Rule($"[bold]Task {task.Info.Number}: {Markup.Escape(task.Info.Title)}[/] [grey]({Markup.Escape(task.Info.GoExercise)})[/]").LeftJustified());
        try
        {
            DemoOutcome outcome = await task.RunAsync(context);
            context.Console.MarkupLine(outcome.Held ? "[green]held[/]" : "[red]did not hold[/]");
            return outcome;
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            context.Console.MarkupLine($"[red]failed:[/] {Markup.Escape(ex.GetType().Name)}: {Markup.Escape(ex.Message)}");
            return new DemoOutcome(false, $"failed: {ex.GetType().Name}: {ex.Message}");
        }
    }
}
