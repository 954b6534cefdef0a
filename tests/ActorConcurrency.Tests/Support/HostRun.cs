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
    /// What a failed assertion on this run should show: the exit code, all of stderr, and stdout from the
    /// first line that reports a failure (the whole of stdout when none does), so a spec's message says why the
    /// host failed, not just that its exit code was 1.
    /// </summary>
    public string Describe()
    {
        string[] lines = Output.Split('\n');
        int first = Array.FindIndex(lines, l => l.Contains("FAILED", StringComparison.Ordinal) || l.Contains("failed", StringComparison.Ordinal));
        string stdout = string.Join('\n', first < 0 ? lines : lines[first..]).TrimEnd();
        return $"host exited with {ExitCode}{Environment.NewLine}stderr:{Environment.NewLine}{Error.TrimEnd()}{Environment.NewLine}stdout:{Environment.NewLine}{stdout}";
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
