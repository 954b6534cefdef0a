using ActorConcurrency.Host;

namespace ActorConcurrency.Tests.Support;

/// <summary>Runs the host in process, as a user runs it from the shell, and keeps its exit code and what it printed.</summary>
public sealed record HostRun(int ExitCode, string Output, string Error)
{
    public static Task<HostRun> RunAsync(params string[] args) =>
        RunAtWidthAsync(300, args); // wide enough that no table cell wraps what a spec looks for

    /// <summary>Runs the host on a console <paramref name="width"/> columns wide, as a terminal or a log of that width.</summary>
    public static async Task<HostRun> RunAtWidthAsync(int width, params string[] args)
    {
        var console = new CapturedConsole(width);
        int exit = await Program.RunAsync(args, console.Host);
        return new HostRun(exit, console.Output, console.Error);
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
        var console = new CapturedConsole(120, emitAnsiSequences: true);
        using var interrupt = new CancellationTokenSource();
        Task<int> run = Program.RunAsync(args, console.Host, interrupt.Token);
        while (!run.IsCompleted && !interruptWhen(console.Output)) // read while the host writes: CapturedConsole is synchronised
        {
            await Task.WhenAny(run, Task.Delay(20));
        }

        await interrupt.CancelAsync();
        int exit = await run;
        return new HostRun(exit, console.Output, console.Error);
    }
}
