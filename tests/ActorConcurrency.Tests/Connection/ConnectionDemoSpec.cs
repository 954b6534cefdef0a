using ActorConcurrency.Host;
using ActorConcurrency.Host.Commands;
using Spectre.Console.Testing;

namespace ActorConcurrency.Tests.Connection;

/// <summary>Task 18's demonstration, run in-process as a user would: every log is a legal path and the timeout fires.</summary>
public sealed class ConnectionDemoSpec
{
    [Fact]
    public async Task Run_18_checks_every_log_and_shows_the_connect_timeout()
    {
        var output = new TestConsole();
        output.Profile.Width = 250;
        var error = new StringWriter();

        int exit = await Program.RunAsync(["run", "18", "--runs", "2", "--requesters", "2"], new HostConsole(output, error));

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Empty(error.ToString());
        Assert.Contains("2/2", output.Output);
        Assert.Contains("Connecting → Idle", output.Output);
    }

    [Fact]
    public async Task A_bad_requester_count_is_bad_input()
    {
        var error = new StringWriter();
        int exit = await Program.RunAsync(["run", "18", "--requesters", "0"], new HostConsole(new TestConsole(), error));
        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.StartsWith("error: ", error.ToString());
    }
}
