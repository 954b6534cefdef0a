using ActorConcurrency.Host.Commands;
using ActorConcurrency.Tests.Support;

namespace ActorConcurrency.Tests.Singleflight;

/// <summary>Task 17's options, as a user gives them: a bad caller count is refused (what it measures: SingleflightExperimentSpec).</summary>
public sealed class SingleflightDemoSpec
{
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
