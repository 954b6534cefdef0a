using ActorConcurrency.Actors.HappensBefore;
using ActorConcurrency.RaceDetector.Quiz;
using ActorConcurrency.RaceDetector.Reports;
using Akka.Actor;

namespace ActorConcurrency.Demonstrations.HappensBefore;

/// <summary>
/// Task 20 and <c>hb</c>: runs quiz scenarios under the detector and returns, for each, the verdict computed from the two
/// events' vector clocks, the chain of edges that justifies it, the races found on the variable the events touch, and
/// the exercise's answer beside it; the actor scenario adds the Tell → receive edge through a real Akka actor.
/// </summary>
public static class HappensBeforeExperiment
{
    /// <summary>The number of the actor scenario (after the quiz's seven, before the select ones).</summary>
    public const int ActorScenario = 8;

    private static readonly TimeSpan ActorTimeout = TimeSpan.FromSeconds(10);

    /// <summary>The highest scenario number (the select scenarios follow the actor).</summary>
    public static int LastScenario => Math.Max(ActorScenario, HappensBeforeQuiz.Scenarios.Max(s => s.Number));

    /// <summary>Runs <paramref name="numbers"/> (1–7 quiz, 8 actor, 9–11 select) in order.</summary>
    /// <param name="numbers">The scenarios.</param>
    /// <param name="system">The actor system the actor scenario runs on; may be null when <paramref name="numbers"/> leaves it out.</param>
    /// <param name="cancellationToken">Stops between scenarios.</param>
    /// <exception cref="ArgumentOutOfRangeException">A number is not a scenario.</exception>
    /// <exception cref="ArgumentNullException">The actor scenario is asked for without an actor system.</exception>
    public static HappensBeforeQuizResult Run(IReadOnlyList<int> numbers, ActorSystem? system, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(numbers);
        if (numbers.Contains(ActorScenario))
        {
            ArgumentNullException.ThrowIfNull(system);
        }

        var verdicts = new List<ScenarioVerdict>(numbers.Count);
        foreach (int number in numbers)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(number, 1, nameof(numbers));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(number, LastScenario, nameof(numbers));
            cancellationToken.ThrowIfCancellationRequested();
            verdicts.Add(number == ActorScenario ? RunActor(system!) : RunQuiz(HappensBeforeQuiz.Run(HappensBeforeQuiz.Get(number))));
        }

        return new HappensBeforeQuizResult(verdicts);
    }

    private static ScenarioVerdict RunQuiz(QuizResult result)
    {
        QuizScenario scenario = result.Scenario;
        return new ScenarioVerdict(
            scenario.Number, scenario.Title, scenario.Program, ActorForm: false, ClockAnswer.Of(result.Answer),
            scenario.Extra?.Meaning, result.ExtraAnswer is { } extra ? ClockAnswer.Of(extra) : null,
            [.. result.Edges.Select(e => e.ToString())], result.Races.Count, scenario.ExerciseAnswer, result.AgreesWithExercise, ValueRead: null);
    }

    private static ScenarioVerdict RunActor(ActorSystem system)
    {
        TellReceiveScenario.Outcome outcome = TellReceiveScenario.Run(system, ActorTimeout);
        bool agrees = outcome.Answer.Order == HappensBeforeOrder.FirstBeforeSecond && outcome.Races.Count == 0;
        return new ScenarioVerdict(
            ActorScenario, "actor Tell → receive", "a = \"hello\" /*A*/; actor.Tell(msg); — in the actor: receive(msg) { print(a) /*B*/ }", ActorForm: true,
            ClockAnswer.Of(outcome.Answer), ExtraMeaning: null, ExtraAnswer: null, Edges: [], outcome.Races.Count,
            "A happens before B: a Tell is before the receive of that message", agrees, outcome.ValueRead);
    }
}
