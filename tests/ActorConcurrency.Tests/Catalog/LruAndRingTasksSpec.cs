using ActorConcurrency.Host.Commands;
using ActorConcurrency.Host.PropertyChecks;
using ActorConcurrency.Tests.Support;

namespace ActorConcurrency.Tests.Catalog;

/// <summary>Tasks 13–15 through the host, as a user runs them: measured evidence on stdout, bad input refused with exit 2.</summary>
public sealed class LruAndRingTasksSpec
{
    [Fact]
    public async Task Run_13_reports_the_invariants_of_every_form_and_the_sequential_replay()
    {
        HostRun run = await HostRun.RunAsync("run", "13", "--operations", "2000", "--threads", "2");
        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Empty(run.Error);
        Assert.Contains("LruCache (one lock)", run.Output);
        Assert.Contains("ClockLruCache (CLOCK)", run.Output);
        Assert.Contains("LruActor (Ask)", run.Output);
        Assert.Equal(3, CountOf(run.Output, "all invariants hold"));
        Assert.Contains("exact LRU hit ratio", run.Output);
    }

    [Fact]
    public async Task Run_14_moves_every_item_through_every_form()
    {
        HostRun run = await HostRun.RunAsync("run", "14", "--items", "20000", "--capacity", "64");
        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Empty(run.Error);
        Assert.Equal(2 * 5, CountOf(run.Output, "20,000")); // five forms, each with 20,000 sent and 20,000 received
        Assert.Contains("StreamCountingActor", run.Output);
    }

    [Fact]
    public async Task Run_15_runs_every_property_and_prints_csCheck_iterations()
    {
        HostRun run = await HostRun.RunAsync("run", "15", "--iterations", "5");
        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Empty(run.Error);
        Assert.Equal(9, PropertySuite.All.Count);
        Assert.Equal(PropertySuite.All.Count, CountOf(run.Output, "Passed 5 iterations"));
    }

    [Theory]
    [InlineData("run", "13", "--threads", "0")]
    [InlineData("run", "13", "--operations", "0")]
    [InlineData("run", "14", "--capacity", "1000")]
    [InlineData("run", "14", "--items", "0")]
    [InlineData("run", "15", "--iterations", "0")]
    public async Task Bad_options_exit_2_with_one_line_on_stderr(params string[] args)
    {
        HostRun run = await HostRun.RunAsync(args);
        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", run.Error);
    }

    private static int CountOf(string text, string part)
    {
        int count = 0;
        for (int i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
