using System.CommandLine;
using System.CommandLine.Parsing;
using System.Text.Json;
using ActorConcurrency.Host.Catalog;
using Spectre.Console;

namespace ActorConcurrency.Host.Commands;

/// <summary>
/// <c>list [n]</c>: the catalog, one line per task (number, title, Go exercise, topic, benchmark), or everything
/// the catalog says of task n (its types, actors, specs, benchmark and options). Both fit the console's width
/// without breaking a word: the Go exercise column is dropped below <see cref="ExerciseColumnWidth"/> columns.
/// </summary>
internal sealed class ListCommand : IHostCommand
{
    /// <summary>The narrowest console that still gets the Go exercise column.</summary>
    internal const int ExerciseColumnWidth = 110;

    public Command Create(HostConsole console)
    {
        var task = new Argument<int?>("task")
        {
            Description = $"Show everything the catalog says of one task, {TaskCatalog.FirstTask}–{TaskCatalog.LastTask}",
            Arity = ArgumentArity.ZeroOrOne,
            CustomParser = ParseTask,
        };
        var command = new Command("list", "The 20 tasks, one line each; list N: one task's types, actors, specs and options")
        {
            task,
        };
        command.Options.Add(Program.JsonOption);
        command.SetAction(parseResult =>
        {
            CatalogTask[] tasks = parseResult.GetValue(task) is { } number ? [TaskCatalog.Get(number)] : [.. TaskCatalog.All];
            if (console.Json)
            {
                foreach (CatalogTask t in tasks)
                {
                    console.Output.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(new
                    {
                        task = t.Info.Number,
                        title = t.Info.Title,
                        goExercise = t.Info.GoExercise,
                        topic = t.Info.Topic,
                        sharedMemory = t.Info.SharedStateTypes,
                        actors = t.Info.ActorTypes,
                        specs = t.Info.Specs,
                        benchmark = t.Info.Benchmark,
                        options = t.Options.Select(o => o.Name),
                    }));
                }
            }
            else if (tasks.Length == 1)
            {
                console.Output.Write(RenderOne(tasks[0]));
            }
            else
            {
                console.Output.Write(Render(tasks, console.Output.Profile.Width));
                console.Output.MarkupLine($"{tasks.Length} tasks; [bold]list <n>[/] shows one task's types, specs and options, [bold]run <n>[/] runs it, [bold]tour[/] runs them all.");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>One row per task, with the Go exercise only when <paramref name="width"/> leaves room for it.</summary>
    internal static Table Render(IEnumerable<CatalogTask> tasks, int width)
    {
        bool exercise = width >= ExerciseColumnWidth;
        var table = new Table().Border(TableBorder.Rounded).AddColumn("#", c => c.RightAligned()).AddColumn("task");
        if (exercise)
        {
            table.AddColumn("Go exercise");
        }

        table.AddColumns("topic", "benchmark");
        foreach (CatalogTask task in tasks)
        {
            TaskInfo info = task.Info;
            var cells = new List<string> { info.Number.ToString(), Markup.Escape(info.Title) };
            if (exercise)
            {
                cells.Add($"[grey]{Markup.Escape(info.GoExercise)}[/]");
            }

            cells.Add(Markup.Escape(info.Topic));
            cells.Add(info.Benchmark.Length == 0 ? "—" : Markup.Escape(info.Benchmark));
            table.AddRow(cells.ToArray());
        }

        return table;
    }

    /// <summary>Everything the catalog says of one task, one field per row.</summary>
    internal static Table RenderOne(CatalogTask task)
    {
        TaskInfo info = task.Info;
        var table = new Table().Border(TableBorder.Rounded).Title($"[bold]Task {info.Number}: {Markup.Escape(info.Title)}[/]")
            .AddColumn("", c => c.NoWrap()).AddColumn("");
        table.ShowHeaders = false;
        table.AddRow("Go exercise", Markup.Escape(info.GoExercise));
        table.AddRow("topic", $"{Markup.Escape(info.Topic)} [grey](src/SharedState, src/Actors, tests and bench share the folder name)[/]");
        table.AddRow("shared memory", Lines(info.SharedStateTypes));
        table.AddRow("actor", Lines(info.ActorTypes));
        table.AddRow("specs", Lines(info.Specs));
        table.AddRow("benchmark", info.Benchmark.Length == 0 ? "—" : Markup.Escape(info.Benchmark));
        string usage = $"run {info.Number}" + string.Concat(task.Options.Select(o => $" [{o.Name} <{o.Name.TrimStart('-')}>]"));
        table.AddRow("run", Markup.Escape(usage));
        foreach (Option option in task.Options)
        {
            string defaultValue = option.HasDefaultValue && option.GetDefaultValue() is { } d && d.ToString() is { Length: > 0 } text ? $" [grey](default {Markup.Escape(text)})[/]" : "";
            table.AddRow(Markup.Escape(option.Name), Markup.Escape(option.Description ?? "") + defaultValue);
        }

        return table;
    }

    private static string Lines(IReadOnlyList<string> items) =>
        items.Count == 0 ? "—" : string.Join("\n", items.Select(Markup.Escape));

    private static int? ParseTask(ArgumentResult result)
    {
        if (result.Tokens.Count == 0)
        {
            return null;
        }

        string token = result.Tokens[0].Value;
        if (!int.TryParse(token, out int number) || number is < TaskCatalog.FirstTask or > TaskCatalog.LastTask)
        {
            result.AddError($"task must be a number from {TaskCatalog.FirstTask} to {TaskCatalog.LastTask}, got '{token}'");
            return null;
        }

        return number;
    }
}
