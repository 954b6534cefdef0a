using ActorConcurrency.Host.Commands;
using ActorConcurrency.Tests.Support;

namespace ActorConcurrency.Tests.Connection;

/// <summary>Task 18's demonstration, run in-process as a user would: every log is a legal path and the timeout fires.</summary>
public sealed class ConnectionDemoSpec
{
    [Fact]
    public async Task Run_18_checks_every_log_and_shows_the_connect_timeout()
    {
        HostRun run = await HostRun.RunAsync("run", "18", "--runs", "2", "--requesters", "2");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Empty(run.Error);
        Assert.Contains("2/2", run.Output);
        Assert.Contains("Connecting → Idle", run.Output);
    }

    [Fact]
    public async Task A_bad_requester_count_is_bad_input()
    {
        HostRun run = await HostRun.RunAsync("run", "18", "--requesters", "0");
        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.StartsWith("error: ", run.Error);
    }
}
