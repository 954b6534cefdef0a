using ActorConcurrency.RaceDetector.Quiz;
using ActorConcurrency.RaceDetector.Reports;
using ActorConcurrency.RaceDetector.Sync;
using ActorConcurrency.RaceDetector.Tracking;

namespace ActorConcurrency.Tests.HappensBefore;

/// <summary>Task 20: the quiz's verdicts come from the clocks, agree with the exercise, and are justified by real edges.</summary>
public sealed class HappensBeforeSpec
{
    public static TheoryData<int> Scenarios => new(HappensBeforeQuiz.Scenarios.Select(s => s.Number));

    [Fact]
    public void The_quiz_has_its_seven_scenarios_then_three_about_select()
    {
        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 9, 10, 11], HappensBeforeQuiz.Scenarios.Select(s => s.Number));
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Each_scenario_gets_the_exercise_answer_from_the_clocks(int number)
    {
        QuizResult result = HappensBeforeQuiz.Run(HappensBeforeQuiz.Get(number));
        Assert.Equal(result.Scenario.Expected, result.Answer.Order);
        Assert.True(result.AgreesWithExercise);
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void The_race_check_agrees_with_the_verdict(int number)
    {
        QuizResult result = HappensBeforeQuiz.Run(HappensBeforeQuiz.Get(number));
        bool concurrent = result.Answer.Order == HappensBeforeOrder.Concurrent;
        Assert.Equal(concurrent, result.Races.Count > 0);
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void An_ordering_is_justified_by_a_chain_of_recorded_edges(int number)
    {
        QuizResult result = HappensBeforeQuiz.Run(HappensBeforeQuiz.Get(number));
        if (result.Answer.Order == HappensBeforeOrder.Concurrent)
        {
            Assert.Empty(result.Answer.Chain);
            return;
        }

        Assert.True(result.Answer.ChainFound);
        Assert.NotEmpty(result.Answer.Chain);
        Assert.Equal(result.Answer.First.ThreadId, result.Answer.Chain[0].FromThread);
        Assert.Equal(result.Answer.Second.ThreadId, result.Answer.Chain[^1].ToThread);
    }

    [Theory]
    [InlineData(1, "go statement")]
    [InlineData(2, "channel send → receive")]
    [InlineData(3, "unbuffered receive → send completes")]
    [InlineData(4, "mutex unlock → lock")]
    [InlineData(5, "once function → Do returns")]
    [InlineData(7, "WaitGroup Done → Wait returns")]
    [InlineData(9, "channel send → receive")]
    [InlineData(10, "close → receive of the zero value")]
    public void The_justifying_edge_is_the_rule_the_scenario_is_about(int number, string edge)
    {
        QuizResult result = HappensBeforeQuiz.Run(HappensBeforeQuiz.Get(number));
        Assert.Contains(result.Answer.Chain, e => e.Kind == edge);
    }

    [Fact]
    public void After_Done_the_worker_is_concurrent_with_the_waiter_because_exit_is_not_an_event()
    {
        QuizResult result = HappensBeforeQuiz.Run(HappensBeforeQuiz.Get(7));
        Assert.Equal(HappensBeforeOrder.Concurrent, result.ExtraAnswer!.Order);
    }

    [Fact]
    public void Order_answers_in_both_directions_and_program_order_needs_no_edge()
    {
        var d = new VectorClockDetector();
        d.Run("main", () =>
        {
            d.Event("first");
            d.Event("second");
        });
        Assert.Equal(HappensBeforeOrder.FirstBeforeSecond, d.Order("first", "second").Order);
        OrderAnswer reverse = d.Order("second", "first");
        Assert.Equal(HappensBeforeOrder.SecondBeforeFirst, reverse.Order);
        Assert.Contains("program order", reverse.Justification);
    }

    [Fact]
    public void A_chain_through_two_edges_is_found()
    {
        // main → (channel c1) → relay → (channel c2) → sink
        var d = new VectorClockDetector();
        d.Run("main", () =>
        {
            var c1 = new TrackedChannel<int>(d, 1, "c1");
            var c2 = new TrackedChannel<int>(d, 1, "c2");
            d.Go("relay", () => c2.Send(c1.Receive()));
            d.Go("sink", () =>
            {
                c2.Receive();
                d.Event("B");
            });
            d.Event("A");
            c1.Send(1);
        });
        OrderAnswer answer = d.Order("A", "B");
        Assert.Equal(HappensBeforeOrder.FirstBeforeSecond, answer.Order);
        Assert.Equal(["c1", "c2"], answer.Chain.Select(e => e.Object));
    }

    [Fact]
    public void Asking_about_an_unknown_or_the_same_event_is_rejected()
    {
        var d = new VectorClockDetector();
        d.Run("main", () => d.Event("A"));
        Assert.Equal("name", Assert.Throws<ArgumentException>(() => d.Order("A", "nope")).ParamName);
        Assert.Equal("second", Assert.Throws<ArgumentException>(() => d.Order("A", "A")).ParamName);
        Assert.Throws<ArgumentException>(() => d.Run("main", () => d.Event("A")));
    }

    [Fact]
    public void There_is_no_scenario_8_or_12_in_the_quiz()
    {
        Assert.Equal("number", Assert.Throws<ArgumentOutOfRangeException>(() => HappensBeforeQuiz.Get(8)).ParamName);
        Assert.Equal("number", Assert.Throws<ArgumentOutOfRangeException>(() => HappensBeforeQuiz.Get(12)).ParamName);
    }
}
