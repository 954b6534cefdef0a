using ActorConcurrency.Demonstrations.RaceForms;

namespace ActorConcurrency.Demonstrations.HappensBefore;

/// <summary>Task 20: the quiz decided by the clocks, then the quiz's publication question on the real plain code under race mode.</summary>
/// <param name="Quiz">Every scenario, the actor's included.</param>
/// <param name="RaceMode">Race mode on the plain and the Volatile publication: no edge without Volatile, one with it.</param>
public sealed record HappensBeforeResult(HappensBeforeQuizResult Quiz, RaceModeResult RaceMode) : IDemonstrationResult
{
    /// <inheritdoc />
    public bool Held => Quiz.Held && RaceMode.Held;

    /// <inheritdoc />
    public string Evidence => $"{Quiz.Evidence}; {RaceMode.Evidence}";
}
