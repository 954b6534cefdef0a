using ActorConcurrency.Host.Commands;
using ActorConcurrency.Tests.Support;

namespace ActorConcurrency.Tests.Profiling;

/// <summary>Task 16 through the host: <c>profile</c> prints each pool's table and the comparison, and refuses bad options.</summary>
[Collection(RuntimeEventsCollection.Name)]
public sealed class ProfileCommandSpec
{
    /// <summary>What the pools measured is asserted on the record (MutexProfileExperimentSpec); this is the command printing it.</summary>
    [Fact]
    public async Task Profile_prints_each_pools_table_then_the_comparison()
    {
        var (exit, output, error) = await HostRun.RunAsync("profile", "--seconds", "0.2", "--workers", "3");

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Empty(error);
        Assert.Equal(4, output.Split('╭').Length - 1); // before, after, actors, then before beside after
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
