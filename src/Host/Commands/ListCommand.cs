using System.CommandLine;
using ActorConcurrency.Host.Catalog;
using Spectre.Console;

namespace ActorConcurrency.Host.Commands;

/// <summary><c>list</c>: the catalog of all 20 tasks.</summary>
internal sealed class ListCommand : IHostCommand
{
    public Command Create(HostConsole console)
    {
        var command = new Command("list", "List the 20 tasks: exercise, shared-memory and actor types, specs, benchmark, status");
        command.SetAction(_ =>
        {
            console.Output.Write(Render(TaskCatalog.All));
            console.Output.MarkupLine($"{TaskCatalog.All.Count} tasks; run one with [bold]run <n>[/], all of them in order with no command.");
            return ExitCodes.Ok;
        });
        return command;
    }

    internal static Table Render(IEnumerable<CatalogTask> tasks)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumns("#", "task (Go exercise)", "topic", "shared memory", "actor", "specs", "benchmark");
        foreach (CatalogTask task in tasks)
        {
            TaskInfo info = task.Info;
            table.AddRow(
                info.Number.ToString(),
                $"{Markup.Escape(info.Title)}\n[grey]{Markup.Escape(info.GoExercise)}[/]",
                Markup.Escape(info.Topic),
                Lines(info.SharedStateTypes),
                Lines(info.ActorTypes),
                Lines(info.Specs),
                info.Benchmark.Length == 0 ? "—" : Markup.Escape(info.Benchmark));
        }

        return table;
    }

    private static string Lines(IReadOnlyList<string> items) =>
        items.Count == 0 ? "—" : string.Join("\n", items.Select(Markup.Escape));
}
