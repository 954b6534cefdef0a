using System.Text.RegularExpressions;
using ActorConcurrency.Actors.Hosting;
using ActorConcurrency.Host.Commands;
using ActorConcurrency.PropertyChecks;
using ActorConcurrency.Host.Tasks;
using ActorConcurrency.SharedState.Lru;
using ActorConcurrency.Tests.Lru;
using ActorConcurrency.Tests.Support;
using Akka.Actor;
using Spectre.Console.Testing;

namespace ActorConcurrency.Tests.Catalog;

/// <summary>Task 15's property checks (still in the host: CsCheck) as a record, and tasks 13–15's bad options refused with exit 2.</summary>
public sealed class LruAndRingTasksSpec
{
    /// <summary>
    /// Under <c>SOAK_MINUTES</c> every property samples for that long instead of 5 iterations, so the spec then counts
    /// CsCheck's "Passed N iterations" of any N.
    /// </summary>
    [Fact]
    public void Task_15_runs_every_property_and_keeps_csChecks_iterations()
    {
        using var system = ActorSystem.Create("properties", HoconConfig.Base);
        PropertyBudget budget = PropertyBudget.FromEnvironment(5);

        PropertyChecksResult result = PropertyCheckRun.Run(PropertySuite.All, budget, system, current: null, CancellationToken.None);

        Assert.True(result.Held, result.Evidence);
        Assert.Equal(PropertySuite.All.Select(p => p.Name), result.Properties.Select(p => p.Name));
        Assert.All(result.Properties, p => Assert.Matches(budget.Seconds > 0 ? @"^Passed [\d,]+ iterations" : "^Passed 5 iterations", p.FirstLine));
        Assert.Equal($"9/9 properties passed ({budget} each)", result.Evidence);
    }

    /// <summary>
    /// Task 15's report of a failure, with a suite that holds a deliberately wrong cache (hits do not promote): the record
    /// marks it failed and keeps the property, the seed and CsCheck's shrunk example; the evidence repeats the name and
    /// the seed; the host prints the full report after the table.
    /// </summary>
    [Fact]
    public void Task_15_names_a_failing_property_with_its_seed_and_shrunk_example()
    {
        PropertySuite.Entry[] suite =
        [
            new("LruCache: model-based", (_, b) => LruProperties.ModelBased("LruCache: model-based", c => new LruCache<int, int>(c), b)),
            new("FIFO cache: model-based", (_, b) => LruProperties.ModelBased("FIFO cache: model-based", c => new LruPropertySpec.NoPromotionLru(c), b)),
        ];

        PropertyChecksResult result = PropertyCheckRun.Run(suite, new PropertyBudget(100, 0), system: null!, current: null, CancellationToken.None);

        Assert.False(result.Held);
        PropertyCheck failure = Assert.Single(result.Failures);
        Match seed = Regex.Match(result.Evidence, "Property 'FIFO cache: model-based' failed with seed (?<seed>\\S+)\\.");
        Assert.True(seed.Success, result.Evidence);
        Assert.StartsWith("1/2 properties passed", result.Evidence);
        Assert.Contains($"Set seed: \"{seed.Groups["seed"].Value}\"", failure.Report); // CsCheck's own line, in the full report
        Assert.Contains("TryGet(", failure.Report); // the shrunk example: operations with their results

        var console = new TestConsole();
        console.Profile.Width = 300;
        Task15PropertyTests.Print(console, result);
        Assert.Contains("FAILED", console.Output);
        Assert.Contains("TryGet(", console.Output);
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
}
