using ActorConcurrency.Host;
using ActorConcurrency.Host.Commands;
using Spectre.Console.Testing;

namespace ActorConcurrency.Tests.Support;

/// <summary>Runs the host in process, as a user runs it from the shell, and keeps its exit code and what it printed.</summary>
public sealed record HostRun(int ExitCode, string Output, string Error)
{
    public static Task<HostRun> RunAsync(params string[] args) =>
        RunAtWidthAsync(300, args); // wide enough that no table cell wraps what a spec looks for

    /// <summary>Runs the host on a console <paramref name="width"/> columns wide, as a terminal or a log of that width.</summary>
    public static async Task<HostRun> RunAtWidthAsync(int width, params string[] args)
    {
        var output = new TestConsole();
        output.Profile.Width = width;
        var error = new StringWriter();
        int exit = await Program.RunAsync(args, new HostConsole(output, error));
        return new HostRun(exit, output.Output, error.ToString());
    }

    /// <summary>
    /// Runs the host and presses Ctrl+C (cancels its interrupt token) as soon as what it printed satisfies
    /// <paramref name="interruptWhen"/>; the console emits ANSI sequences, so hiding and showing the cursor is visible.
    /// </summary>
    public static async Task<HostRun> RunAndInterruptAsync(Func<string, bool> interruptWhen, params string[] args)
    {
        var output = new TestConsole().EmitAnsiSequences();
        output.Profile.Width = 120;
        var error = new StringWriter();
        using var interrupt = new CancellationTokenSource();
        Task<int> run = Program.RunAsync(args, new HostConsole(output, error), interrupt.Token);
        while (!run.IsCompleted && !interruptWhen(output.Output))
        {
            await Task.WhenAny(run, Task.Delay(20));
        }

        await interrupt.CancelAsync();
        int exit = await run;
        return new HostRun(exit, output.Output, error.ToString());
    }
}
