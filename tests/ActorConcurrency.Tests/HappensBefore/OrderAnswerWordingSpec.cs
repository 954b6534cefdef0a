using ActorConcurrency.RaceDetector.Clocks;
using ActorConcurrency.RaceDetector.Reports;

namespace ActorConcurrency.Tests.HappensBefore;

/// <summary>The justification of a verdict reads as English for every event name, primed ones included.</summary>
public sealed class OrderAnswerWordingSpec
{
    [Fact]
    public void A_primed_name_gets_the_clock_of_not_a_doubled_apostrophe()
    {
        var primed = new NamedEvent("A'", 1, "worker", 3, new VectorClock());
        var plain = new NamedEvent("B", 0, "main", 3, new VectorClock());
        var answer = new OrderAnswer(primed, plain, HappensBeforeOrder.Concurrent, [], ChainFound: false);

        Assert.DoesNotContain("''s", answer.Justification);
        Assert.Contains("the clock of A' knows main only up to 0", answer.Justification);
        Assert.Contains("B's clock knows worker only up to 0", answer.Justification);
    }
}
