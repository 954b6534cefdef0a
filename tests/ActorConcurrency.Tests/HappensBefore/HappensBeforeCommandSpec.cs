using ActorConcurrency.Host.Commands;
using ActorConcurrency.Tests.Support;

namespace ActorConcurrency.Tests.HappensBefore;

/// <summary>The <c>hb</c> command, run in-process as a user would: one scenario printed with its edges, bad scenarios refused (the verdicts: HappensBeforeExperimentSpec).</summary>
public sealed class HappensBeforeCommandSpec
{
    [Fact]
    public async Task Hb_with_one_scenario_prints_its_verdict_and_edge()
    {
        var (exit, output, error) = await HostRun.RunAsync("hb", "6", "--edges");
        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains("A and B are concurrent", output);
        Assert.Contains("edge main@1 ⇒ g1@1 [go statement]", output);
        Assert.Empty(error);
    }

    [Theory]
    [InlineData("hb", "0")]
    [InlineData("hb", "12")]
    [InlineData("hb", "x")]
    public async Task A_bad_scenario_exits_2_with_one_line(params string[] args)
    {
        var (exit, _, error) = await HostRun.RunAsync(args);
        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
