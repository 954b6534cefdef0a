using ActorConcurrency.Host;
using ActorConcurrency.Host.Commands;
using Spectre.Console.Testing;

namespace ActorConcurrency.Tests.Support;

/// <summary>Runs the host in process, as a user runs it from the shell, and keeps its exit code and what it printed.</summary>
public sealed record HostRun(int ExitCode, string Output, string Error)
{
    public static async Task<HostRun> RunAsync(params string[] args)
    {
        var output = new TestConsole();
        output.Profile.Width = 300; // wide enough that no table cell wraps what a spec looks for
        var error = new StringWriter();
        int exit = await Program.RunAsync(args, new HostConsole(output, error));
        return new HostRun(exit, output.Output, error.ToString());
    }
}
