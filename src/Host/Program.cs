using System.CommandLine;
using System.CommandLine.Help;
using System.Runtime.InteropServices;
using ActorConcurrency.Host.Catalog;
using ActorConcurrency.Host.Commands;
using Spectre.Console;

namespace ActorConcurrency.Host;

/// <summary>The host console: the tour with no command, or one of the commands found in <c>Commands/</c>.</summary>
internal static class Program
{
    /// <summary>How long a command may take to stop (and shut its actor systems down) after Ctrl+C.</summary>
    internal static readonly TimeSpan InterruptGrace = TimeSpan.FromSeconds(1.8);

    /// <summary><c>--json</c>: results as JSON lines (tour, run, list).</summary>
    internal static readonly Option<bool> JsonOption = new("--json")
    {
        Description = "Print results as JSON, one object per line (per task for tour and run), instead of tables",
    };

    /// <summary>Set when the interrupt was SIGTERM rather than Ctrl+C (SIGINT): the exit code is then 143.</summary>
    private static bool s_terminated;

    public static async Task<int> Main(string[] args)
    {
        // Ctrl+C and SIGTERM cancel the command instead of killing the process, so it can shut actor systems
        // down and give the terminal back its cursor (see RunAsync).
        using var interrupt = new CancellationTokenSource();
        using PosixSignalRegistration sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Cancel);
        using PosixSignalRegistration sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Cancel);
        int exit = await RunAsync(args, HostConsole.CreateDefault(), interrupt.Token);
        if (exit is ExitCodes.Interrupted or ExitCodes.Terminated)
        {
            // A demonstration that ignored the token may still hold a foreground thread: do not wait for it.
            Console.Out.Flush();
            Environment.Exit(exit);
        }

        return exit;

        void Cancel(PosixSignalContext context)
        {
            context.Cancel = true;
            if (context.Signal == PosixSignal.SIGTERM)
            {
                Volatile.Write(ref s_terminated, true);
            }

            interrupt.Cancel();
        }
    }

    /// <summary>
    /// Parses and runs <paramref name="args"/>. When <paramref name="interrupt"/> fires (Ctrl+C), the command's token
    /// is cancelled, it gets <see cref="InterruptGrace"/> to finish, the cursor is shown again, one line goes to
    /// standard error, and the exit code is <see cref="ExitCodes.Interrupted"/>.
    /// </summary>
    internal static async Task<int> RunAsync(string[] args, HostConsole console, CancellationToken interrupt = default)
    {
        RootCommand root = BuildRoot(console);
        ParseResult parseResult = root.Parse(args);
        if (VerbosityOptions.Refusal(parseResult) is { } refusal)
        {
            return console.BadInput($"{refusal} (see --help)");
        }

        if (parseResult.Errors.Count > 0)
        {
            // One clear line, not the parser's error list followed by the whole help text.
            return console.BadInput($"{parseResult.Errors[0].Message} (see --help)");
        }

        console.Verbosity = VerbosityOptions.Chosen(parseResult);
        console.Json = parseResult.GetResult(JsonOption) is { Implicit: false } && parseResult.GetValue(JsonOption);

        // Help goes where the results go (the console a spec gives, too), wrapped between words at its width: System.CommandLine
        // wraps at Console.WindowWidth, which a redirected output (a log, a pipe) does not have, so it would not wrap at all.
        foreach (HelpAction help in root.Options.Select(o => o.Action).OfType<HelpAction>())
        {
            help.MaxWidth = console.Output.Profile.Width;
        }

        var configuration = new InvocationConfiguration
        {
            ProcessTerminationTimeout = null,
            EnableDefaultExceptionHandler = false,
            Output = console.Output.Profile.Out.Writer,
        };
        if (parseResult.Action is HelpAction && parseResult.CommandResult.Command is { Subcommands.Count: > 0 } parent)
        {
            var help = new StringWriter();
            var helpConfiguration = new InvocationConfiguration { Output = help };
            int code = await parseResult.InvokeAsync(helpConfiguration, interrupt).ConfigureAwait(false);
            console.Output.Profile.Out.Writer.Write(RootHelp.LabelOptionalArguments(help.ToString(), parent, console.Output.Profile.Width));
            return code;
        }

        // The command's token is cancelled on a pool thread: callbacks registered on it (an actor system stopping)
        // then run there, not on the signal handler's thread, and the grace period below starts at the keypress.
        using var command = new CancellationTokenSource();
        var interrupted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using CancellationTokenRegistration onInterrupt = interrupt.Register(() =>
        {
            interrupted.TrySetResult();
            _ = Task.Run(command.Cancel, CancellationToken.None);
        });
        Task<int> invocation = parseResult.InvokeAsync(configuration, command.Token);
        await Task.WhenAny(invocation, interrupted.Task).ConfigureAwait(false);

        if (!interrupt.IsCancellationRequested)
        {
            return await invocation.ConfigureAwait(false);
        }

        // The command saw its token cancelled: give it a moment to unwind (actor systems terminate in a dispose),
        // whatever it returns or throws now is the interruption.
        await Task.WhenAny(invocation, Task.Delay(InterruptGrace)).ConfigureAwait(false);
        _ = invocation.ContinueWith(t => t.Exception, TaskScheduler.Default); // observed: an OperationCanceledException is expected
        bool terminated = Volatile.Read(ref s_terminated);
        string signal = terminated ? "SIGTERM" : "Ctrl+C";
        console.Output.Cursor.Show(true);
        console.Output.WriteLine();
        console.Error.WriteLine(invocation.IsCompleted
            ? $"interrupted ({signal})"
            : $"interrupted ({signal}); the command did not stop within {InterruptGrace.TotalSeconds:0.#} s and was abandoned");

        // A command that tells why it stopped (a node downed while stopping) keeps its code; otherwise the signal's.
        return invocation is { IsCompletedSuccessfully: true, Result: ExitCodes.NodeDowned }
            ? ExitCodes.NodeDowned
            : terminated ? ExitCodes.Terminated : ExitCodes.Interrupted;
    }

    internal static RootCommand BuildRoot(HostConsole console)
    {
        var root = new RootCommand(
            "ActorConcurrency: the Go memory-model exercises solved twice, with shared memory and with owner actors on Akka.NET. " +
            "With no command, runs the tour: all 20 tasks in order, then a summary.");
        VerbosityOptions.AddForTour(root);
        root.Options.Add(JsonOption);
        IEnumerable<IHostCommand> commands = typeof(Program).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(IHostCommand).IsAssignableFrom(t))
            .OrderBy(t => t.Name)
            .Select(t => (IHostCommand)Activator.CreateInstance(t)!);
        foreach (IHostCommand command in commands)
        {
            root.Subcommands.Add(command.Create(console));
        }

        root.SetAction((_, cancellationToken) => TourCommand.RunAsync(console, TaskCatalog.All, cancellationToken));
        return root;
    }
}
