using System.CommandLine;
using ActorConcurrency.Host.Commands;

namespace ActorConcurrency.Host;

/// <summary>The host console: the tour with no command, or one of the commands found in <c>Commands/</c>.</summary>
internal static class Program
{
    public static Task<int> Main(string[] args) => RunAsync(args, HostConsole.CreateDefault());

    internal static async Task<int> RunAsync(string[] args, HostConsole console)
    {
        RootCommand root = BuildRoot(console);
        ParseResult parseResult = root.Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            // One clear line, not the parser's error list followed by the whole help text.
            return console.BadInput($"{parseResult.Errors[0].Message} (see --help)");
        }

        return await parseResult.InvokeAsync();
    }

    internal static RootCommand BuildRoot(HostConsole console)
    {
        var root = new RootCommand(
            "ActorConcurrency: the Go memory-model exercises solved twice, with shared memory and with owner actors on Akka.NET. " +
            "With no command, runs the tour: all 20 tasks in order, then a summary.");
        IEnumerable<IHostCommand> commands = typeof(Program).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(IHostCommand).IsAssignableFrom(t))
            .OrderBy(t => t.Name)
            .Select(t => (IHostCommand)Activator.CreateInstance(t)!);
        foreach (IHostCommand command in commands)
        {
            root.Subcommands.Add(command.Create(console));
        }

        root.SetAction((_, cancellationToken) => TourCommand.RunAsync(console, cancellationToken));
        return root;
    }
}
