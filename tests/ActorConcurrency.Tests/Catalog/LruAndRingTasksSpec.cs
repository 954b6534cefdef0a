using System.Text.RegularExpressions;
using ActorConcurrency.Host.Catalog;
using ActorConcurrency.Host.Commands;
using ActorConcurrency.Host.PropertyChecks;
using ActorConcurrency.Host.Tasks;
using ActorConcurrency.SharedState.Lru;
using ActorConcurrency.Tests.Lru;
using ActorConcurrency.Tests.Support;
using Spectre.Console.Testing;

namespace ActorConcurrency.Tests.Catalog;

/// <summary>Tasks 13–15 through the host, as a user runs them: measured evidence on stdout, bad input refused with exit 2.</summary>
public sealed class LruAndRingTasksSpec
{
    /// <summary>
    /// Under <c>SOAK_MINUTES</c> (read by the host, which runs in this process) every property samples for
    /// that long instead of 5 iterations, so the spec then counts CsCheck's "Passed N iterations" of any N.
    /// </summary>
    [Fact]
    public async Task Run_15_runs_every_property_and_prints_csCheck_iterations()
    {
        HostRun run = await HostRun.RunAsync("run", "15", "--iterations", "5");
        Assert.True(run.ExitCode == ExitCodes.Ok, run.Describe());
        Assert.True(run.Error.Length == 0, run.Describe());
        Assert.Equal(9, PropertySuite.All.Count);
        bool soaking = PropertyBudget.FromEnvironment(5).Seconds > 0;
        Assert.Equal(PropertySuite.All.Count, soaking ? Regex.Count(run.Output, @"Passed [\d,]+ iterations") : CountOf(run.Output, "Passed 5 iterations"));
    }

    /// <summary>
    /// Task 15's report of a failure, with a suite that holds a deliberately wrong cache (hits do not promote):
    /// the table marks it FAILED, and the report after the table names the property, the seed and CsCheck's
    /// shrunk example; the summary line repeats the name and the seed.
    /// </summary>
    [Fact]
    public async Task Run_15_names_a_failing_property_with_its_seed_and_shrunk_example()
    {
        var console = new TestConsole();
        console.Profile.Width = 300;
        await using var context = new DemoContext(console, parseResult: null, CancellationToken.None);
        PropertySuite.Entry[] suite =
        [
            new("LruCache: model-based", (_, b) => LruProperties.ModelBased("LruCache: model-based", c => new LruCache<int, int>(c), b)),
            new("FIFO cache: model-based", (_, b) => LruProperties.ModelBased("FIFO cache: model-based", c => new LruPropertySpec.NoPromotionLru(c), b)),
        ];

        DemoOutcome outcome = await Task15PropertyTests.RunAsync(context, suite);

        Assert.False(outcome.Held);
        Match seed = Regex.Match(outcome.Evidence, "Property 'FIFO cache: model-based' failed with seed (?<seed>\\S+)\\.");
        Assert.True(seed.Success, outcome.Evidence);
        Assert.StartsWith("1/2 properties passed", outcome.Evidence);
        Assert.Contains("FAILED", console.Output);
        Assert.Contains($"Set seed: \"{seed.Groups["seed"].Value}\"", console.Output); // CsCheck's own line, in the full report
        Assert.Contains("TryGet(", console.Output); // the shrunk example: operations with their results
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
