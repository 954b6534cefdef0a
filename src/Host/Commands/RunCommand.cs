using System.CommandLine;
using System.CommandLine.Parsing;
using ActorConcurrency.Host.Catalog;

namespace ActorConcurrency.Host.Commands;

/// <summary><c>run &lt;n&gt;</c>: one task's demonstration.</summary>
internal sealed class RunCommand : IHostCommand
{
    public Command Create(HostConsole console)
    {
        var taskArgument = new Argument<int>("task")
        {
            Description = $"The task number, {TaskCatalog.FirstTask}–{TaskCatalog.LastTask} (see list)",
            CustomParser = ParseTaskNumber,
        };

        // Every option any task reads, each once, with the tasks that read it; which task reads which is checked after parsing.
        Option[] options = TaskCatalog.All.SelectMany(t => t.Options).Distinct().ToArray();

        var command = new Command("run", "Run one task's demonstration and print what it measured (each option names the tasks that read it)")
        {
            taskArgument,
        };
        foreach (Option option in options)
        {
            string readers = TaskCatalog.TasksReading(option);
            if (option.Description is { } description && !description.EndsWith(readers, StringComparison.Ordinal))
            {
                option.Description = $"{description} {readers}";
            }

            command.Options.Add(option);
        }

        VerbosityOptions.AddForRun(command);
        command.Options.Add(Program.JsonOption);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            CatalogTask task = TaskCatalog.Get(parseResult.GetValue(taskArgument));
            if (options.FirstOrDefault(o => parseResult.GetResult(o) is { Implicit: false } && !task.Options.Contains(o)) is { } stray)
            {
                return console.BadInput($"option {stray.Name} does not apply to task {task.Info.Number}: it is read by {TaskCatalog.TasksReading(stray).Trim('(', ')')}");
            }

            await using var context = new DemoContext(TourCommand.DemoConsole(console), parseResult, cancellationToken);
            var (outcome, _) = await TourCommand.RunOneAsync(task, context, console);
            return outcome.Held ? ExitCodes.Ok : ExitCodes.DemonstrationFailed;
        });
        return command;
    }

    private static int ParseTaskNumber(ArgumentResult result)
    {
        string token = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Join(" ", result.Tokens.Select(t => t.Value));
        if (!int.TryParse(token, out int number))
        {
            result.AddError($"task must be a number from {TaskCatalog.FirstTask} to {TaskCatalog.LastTask}, got '{token}'");
            return 0;
        }

        if (number is < TaskCatalog.FirstTask or > TaskCatalog.LastTask)
        {
            result.AddError($"there is no task {number}: tasks are numbered {TaskCatalog.FirstTask} to {TaskCatalog.LastTask}");
            return 0;
        }

        return number;
    }
}
