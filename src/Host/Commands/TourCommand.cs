using System.CommandLine;
using System.CommandLine.Parsing;
using System.Diagnostics;
using ActorConcurrency.Demonstrations;
using ActorConcurrency.Host.Catalog;
using Spectre.Console;

namespace ActorConcurrency.Host.Commands;

/// <summary>
/// The tour: all 20 tasks in order (the host with no command), or <c>tour 1-5</c> / <c>tour 13 14</c> for some of
/// them, then a summary table. Also runs one task for <c>run</c>, so both print a task the same way.
/// </summary>
internal sealed class TourCommand : IHostCommand
{
    public Command Create(HostConsole console)
    {
        var tasks = new Argument<int[]>("tasks")
        {
            Description = $"Task numbers or ranges, e.g. 1-5 or 13 14 (default: all, {TaskCatalog.FirstTask}-{TaskCatalog.LastTask})",
            Arity = ArgumentArity.ZeroOrMore,
            CustomParser = ParseTasks,
        };
        var command = new Command("tour", "Run some tasks' demonstrations in order, then a summary (with no command: all 20)") { tasks };
        VerbosityOptions.AddForTour(command);
        command.Options.Add(Program.JsonOption);
        command.SetAction((parseResult, cancellationToken) =>
        {
            int[] chosen = parseResult.GetValue(tasks) is { Length: > 0 } numbers ? numbers : [.. TaskCatalog.All.Select(t => t.Info.Number)];
            return RunAsync(console, chosen.Select(TaskCatalog.Get).ToArray(), cancellationToken);
        });
        return command;
    }

    public static async Task<int> RunAsync(HostConsole console, IReadOnlyList<CatalogTask> tasks, CancellationToken cancellationToken)
    {
        var rows = new List<(CatalogTask Task, IDemonstrationResult Outcome, TimeSpan Elapsed)>();
        await using (var context = new DemoContext(DemoConsole(console), parseResult: null, cancellationToken))
        {
            foreach (CatalogTask task in tasks)
            {
                var (outcome, elapsed) = await RunOneAsync(task, context, console);
                rows.Add((task, outcome, elapsed));
            }
        }

        if (console.ShowsDetails)
        {
            var summary = new Table().Border(TableBorder.Rounded).Title("[bold]Tour summary[/]")
                .AddColumns("#", "task", "held", "evidence (measured in this run)", "seconds");
            foreach (var (task, outcome, elapsed) in rows)
            {
                summary.AddRow(
                    task.Info.Number.ToString(),
                    Markup.Escape(task.Info.Title),
                    outcome.Held ? (outcome.NotObserved is null ? "[green]yes[/]" : "[green]yes[/]*") : "[red]no[/]",
                    Markup.Escape(outcome.Evidence),
                    elapsed.TotalSeconds.ToString("0.0"));
            }

            console.Output.WriteLine();
            TableLayout.FitWords(summary, console.Output.Profile.Width);
            console.Output.Write(summary);
            if (rows.Any(r => r.Outcome.Held && r.Outcome.NotObserved is not null))
            {
                console.Output.MarkupLine("[grey]* held; a broken form's failure was not observed in this run (see the task's output).[/]");
            }
        }

        return rows.All(r => r.Outcome.Held) ? ExitCodes.Ok : ExitCodes.DemonstrationFailed;
    }

    /// <summary>The console demonstrations print on: the real one, or a silent one under --quiet/--json; its tables fit its width.</summary>
    public static FittingConsole DemoConsole(HostConsole console) =>
        new(console.ShowsDetails ? console.Output : FittingConsole.Silent(console.Output));

    /// <summary>
    /// Runs one demonstration under a heading and prints its verdict (one line under --quiet, one JSON object with its
    /// record under --json); an exception is reported as a failed demonstration.
    /// </summary>
    public static async Task<(IDemonstrationResult Outcome, TimeSpan Elapsed)> RunOneAsync(CatalogTask task, DemoContext context, HostConsole console)
    {
        var watch = Stopwatch.StartNew();
        TaskInfo info = task.Info;
        if (console.ShowsDetails)
        {
            context.Console.Write(new Rule($"[bold]Task {info.Number}: {Markup.Escape(info.Title)}[/] [grey]({Markup.Escape(info.GoExercise)})[/]").LeftJustified());
        }

        IDemonstrationResult outcome;
        try
        {
            outcome = await task.RunAsync(context);
        }
        catch (Exception) when (context.CancellationToken.IsCancellationRequested)
        {
            // Interrupted: whatever the demonstration threw while stopping (an OperationCanceledException, an Ask
            // to a stopped system) is the interruption, not a failed demonstration.
            throw;
        }
        catch (Exception ex)
        {
            outcome = new DemonstrationFailure(ex.GetType().Name, ex.Message);
            if (console.Verbosity >= HostVerbosity.Detailed)
            {
                console.Error.WriteLine(ex.ToString());
            }
        }

        TimeSpan elapsed = watch.Elapsed;
        if (console.Json)
        {
            console.Output.Profile.Out.Writer.WriteLine(TaskResultJson.Line(info, outcome, elapsed));
        }
        else if (console.ShowsDetails)
        {
            string verdict = outcome is DemonstrationFailure
                ? $"[red]{Markup.Escape(outcome.Evidence)}[/]"
                : outcome.Held ? "[green]held[/]" : "[red]did not hold[/]";
            if (outcome.Held && outcome.NotObserved is { } missing)
            {
                verdict += $" [yellow](not observed in this run: {Markup.Escape(missing)})[/]";
            }

            context.Console.MarkupLine(verdict);
        }
        else
        {
            string verdict = outcome.Held ? "[green]held[/]" : "[red]did not hold[/]";
            string missing = outcome.Held && outcome.NotObserved is { } m ? $" [yellow](not observed in this run: {Markup.Escape(m)})[/]" : "";
            console.Output.MarkupLine($"{info.Number,2} {Markup.Escape(info.Title)}: {verdict}{missing} — {Markup.Escape(outcome.Evidence)}");
        }

        return (outcome, elapsed);
    }

    /// <summary>Numbers and ranges: <c>1-5</c>, <c>13 14</c>, <c>2,4</c>; each task once, in the order given.</summary>
    internal static int[] ParseTasks(ArgumentResult result)
    {
        var chosen = new List<int>();
        foreach (string part in result.Tokens.SelectMany(t => t.Value.Split(',', StringSplitOptions.RemoveEmptyEntries)))
        {
            string[] ends = part.Split('-', 2);
            if (!int.TryParse(ends[0], out int first) || !int.TryParse(ends.Length == 2 ? ends[1] : ends[0], out int last))
            {
                result.AddError($"tasks must be numbers or ranges such as 1-5, got '{part}'");
                return [];
            }

            if (first > last || first < TaskCatalog.FirstTask || last > TaskCatalog.LastTask)
            {
                result.AddError($"'{part}' is not a range of tasks: tasks are numbered {TaskCatalog.FirstTask} to {TaskCatalog.LastTask}");
                return [];
            }

            chosen.AddRange(Enumerable.Range(first, last - first + 1).Where(n => !chosen.Contains(n)).ToArray());
        }

        return [.. chosen];
    }
}
