using ActorConcurrency.Host.Commands;
using ActorConcurrency.Tests.Support;

namespace ActorConcurrency.Tests.Profiling;

/// <summary>Task 16 through the host: <c>run 16</c> and <c>profile</c> print both ranked tables and the actor pool's.</summary>
[Collection(RuntimeEventsCollection.Name)]
public sealed class ProfileCommandSpec
{
    [Theory]
    [InlineData("run", "16", "--seconds", "0.2", "--workers", "2")]
    [InlineData("profile", "--seconds", "0.2", "--workers", "3")]
    public async Task Prints_the_ranked_tables_before_and_after_the_refactor(params string[] args)
    {
        var (exit, output, error) = await HostRun.RunAsync(args);

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Empty(error);
        Assert.Contains("Before: one stats lock taken by every job", output);
        Assert.Contains("After: per-worker stats, merged once per worker", output);
        Assert.Contains("Actors: router pool of workers reporting to one stats actor", output);
        Assert.Contains("Monitor.LockContentionCount", output);
    }

    [Theory]
    [InlineData("profile", "--seconds", "0")]
    [InlineData("profile", "--workers", "0")]
    [InlineData("profile", "--workers", "many")]
    public async Task Bad_options_exit_2_with_one_line(params string[] args)
    {
        var (exit, _, error) = await HostRun.RunAsync(args);
        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
