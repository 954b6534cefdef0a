using ActorConcurrency.Actors.HappensBefore;
using ActorConcurrency.Actors.Hosting;
using ActorConcurrency.RaceDetector.Reports;
using Akka.TestKit.Xunit2;

namespace ActorConcurrency.Tests.HappensBefore;

/// <summary>Task 20, actor form: a real Akka Tell → receive is recorded as a happens-before edge.</summary>
public sealed class TellReceiveSpec : TestKit
{
    public TellReceiveSpec()
        : base(HoconConfig.Base)
    {
    }

    [Fact]
    public void The_write_before_a_Tell_happens_before_the_actor_reads_it()
    {
        TellReceiveScenario.Outcome outcome = TellReceiveScenario.Run(Sys, TimeSpan.FromSeconds(10));
        Assert.Equal("hello", outcome.ValueRead);
        Assert.Equal(HappensBeforeOrder.FirstBeforeSecond, outcome.Answer.Order);
        Assert.Contains(outcome.Answer.Chain, e => e.Kind == "actor Tell → receive");
        Assert.Empty(outcome.Races);
    }
}
