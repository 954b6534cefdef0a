using ActorConcurrency.Host.Commands;
using ActorConcurrency.Tests.Support;

namespace ActorConcurrency.Tests.Singleflight;

/// <summary>Task 17's demonstration, run in-process as a user would: it holds and prints what it measured.</summary>
public sealed class SingleflightDemoSpec
{
    [Fact]
    public async Task Run_17_computes_once_per_run_for_every_form()
    {
        HostRun run = await HostRun.RunAsync("run", "17", "--runs", "2", "--callers", "20");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Empty(run.Error);
        Assert.Contains("computes per run", run.Output);
        Assert.Contains("SingleflightCoordinator", run.Output);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("many")]
    public async Task A_bad_caller_count_is_bad_input(string callers)
    {
        HostRun run = await HostRun.RunAsync("run", "17", "--callers", callers);
        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.StartsWith("error: ", run.Error);
    }
}
