using ActorConcurrency.Actors.Hosting;
using ActorConcurrency.Demonstrations.HappensBefore;
using ActorConcurrency.RaceDetector.Reports;
using ActorConcurrency.Tests.Support;
using Akka.TestKit.Xunit2;

namespace ActorConcurrency.Tests.Demonstrations.HappensBefore;

/// <summary>Task 20's experiment: every scenario's order, decided by the clocks, is the exercise's answer, the actor's included.</summary>
public sealed class HappensBeforeExperimentSpec : TestKit
{
    public HappensBeforeExperimentSpec()
        : base(HoconConfig.Base)
    {
    }

    [Fact]
    public void Every_scenario_agrees_with_the_exercise_and_the_actor_reads_what_was_told()
    {
        HappensBeforeQuizResult result = HappensBeforeExperiment.Run([.. Enumerable.Range(1, HappensBeforeExperiment.LastScenario)], Sys, CancellationToken.None);

        Assert.True(result.Held, result.Evidence);
        Assert.Equal(Enumerable.Range(1, 11), result.Scenarios.Select(s => s.Number));
        ScenarioVerdict actor = result.Scenarios[HappensBeforeExperiment.ActorScenario - 1];
        Assert.True(actor.ActorForm);
        Assert.Equal(("hello", HappensBeforeOrder.FirstBeforeSecond, 0), (actor.ValueRead, actor.Answer.Order, actor.RacesOnA));
        Assert.Equal("11/11 verdicts computed from the clocks agree with the exercise", result.Evidence);
        Assert.Equal("FirstBeforeSecond", ResultJson.Of(result).GetProperty("scenarios")[0].GetProperty("answer").GetProperty("order").GetString());
    }

    [Theory]
    [InlineData(6, HappensBeforeOrder.Concurrent, new string[0])]
    [InlineData(9, HappensBeforeOrder.FirstBeforeSecond, new[] { "channel send → receive" })]
    [InlineData(10, HappensBeforeOrder.FirstBeforeSecond, new[] { "close → receive of the zero value" })]
    [InlineData(11, HappensBeforeOrder.Concurrent, new string[0])]
    public void A_scenario_is_decided_by_its_clocks_with_the_edges_that_justify_it(int number, HappensBeforeOrder order, string[] chain)
    {
        ScenarioVerdict scenario = Assert.Single(HappensBeforeExperiment.Run([number], system: null, CancellationToken.None).Scenarios);

        Assert.Equal((order, true), (scenario.Answer.Order, scenario.Agrees));
        Assert.Equal(chain, scenario.Answer.Chain);
        Assert.NotEmpty(scenario.Edges);
    }

    [Fact]
    public void The_actor_scenario_needs_an_actor_system_and_an_unknown_number_is_refused()
    {
        Assert.Throws<ArgumentNullException>(() => HappensBeforeExperiment.Run([HappensBeforeExperiment.ActorScenario], system: null, CancellationToken.None));
        Assert.Throws<ArgumentOutOfRangeException>(() => HappensBeforeExperiment.Run([12], system: null, CancellationToken.None));
    }
}
