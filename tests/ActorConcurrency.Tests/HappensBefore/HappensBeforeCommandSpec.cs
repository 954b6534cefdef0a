using ActorConcurrency.Host.Commands;
using ActorConcurrency.Tests.Support;

namespace ActorConcurrency.Tests.HappensBefore;

/// <summary>The <c>hb</c> command and <c>run 20</c>, run in-process as a user would.</summary>
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
    [InlineData("9", "A → B via channel send → receive")]
    [InlineData("10", "A → B via close → receive of the zero value")]
    [InlineData("11", "A ∥ B (no edge)")]
    public async Task Hb_decides_the_select_scenarios(string scenario, string verdict)
    {
        var (exit, output, error) = await HostRun.RunAsync("hb", scenario);
        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains(verdict, output);
        Assert.Contains("1/1 verdicts", output);
        Assert.Empty(error);
    }

    [Fact]
    public async Task Run_20_decides_all_scenarios_and_the_actor_edge()
    {
        var (exit, output, _) = await HostRun.RunAsync("run", "20");
        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains("held", output);
        Assert.Contains("A' ∥ B", output);
        Assert.Contains("actor Tell → receive", output);
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
