using ActorConcurrency.RaceDetector.Reports;

namespace ActorConcurrency.RaceDetector.Quiz;

/// <summary>What the detector computed for one quiz scenario.</summary>
/// <param name="Scenario">The scenario.</param>
/// <param name="Answer">A vs B, from the clocks.</param>
/// <param name="ExtraAnswer">The scenario's extra question, if any.</param>
/// <param name="Races">Races reported on the variable the events touch.</param>
/// <param name="Edges">Every edge the run applied.</param>
public sealed record QuizResult(QuizScenario Scenario, OrderAnswer Answer, OrderAnswer? ExtraAnswer, IReadOnlyList<RaceReport> Races, IReadOnlyList<HappensBeforeEdge> Edges)
{
    /// <summary>Whether the clocks gave the exercise's answer (and the extra question's).</summary>
    public bool AgreesWithExercise =>
        Answer.Order == Scenario.Expected && (Scenario.Extra is not { } extra || ExtraAnswer?.Order == extra.Expected);
}
