using ActorConcurrency.Host.Commands;
using ActorConcurrency.Tests.Support;

namespace ActorConcurrency.Tests.Connection;

/// <summary>Task 18's demonstration, run in-process as a user would: Ctrl+C stops it at once, a bad option is refused (what it measures: ConnectionExperimentSpec).</summary>
public sealed class ConnectionDemoSpec
{
    [Fact]
    public async Task Ctrl_c_during_the_deadline_demonstration_stops_it_and_exits_130()
    {
        // A 10 s connect timeout keeps the deadline demonstration waiting ~19 s: Ctrl+C lands inside it, and only a
        // demonstration that honours the token stops within the grace period instead of being abandoned.
        HostRun run = await HostRun.RunAndInterruptAsync(output => output.Contains("lifecycles per form"),
            "run", "18", "--runs", "1", "--requesters", "2", "--connect-timeout-ms", "10000");

        Assert.Equal(ExitCodes.Interrupted, run.ExitCode);
        Assert.Equal("interrupted (Ctrl+C)", run.Error.Trim()); // it stopped within the grace period, not abandoned
        Assert.Contains("\u001b[?25h", run.Output);
        Assert.DoesNotContain("FSM connect timeout", run.Output); // no table, no verdict from a demonstration cut short
    }

    [Fact]
    public async Task A_bad_requester_count_is_bad_input()
    {
        HostRun run = await HostRun.RunAsync("run", "18", "--requesters", "0");
        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.StartsWith("error: ", run.Error);
    }
}
