using ActorConcurrency.RaceDetector.Reports;
using ActorConcurrency.RaceDetector.Tracking;

namespace ActorConcurrency.RaceDetector.Quiz;

/// <summary>
/// One scenario of the happens-before quiz: a small program run under the detector, which records events
/// <c>A</c> and <c>B</c> (and for some an extra pair) and touches a tracked variable <c>a</c> at both.
/// </summary>
/// <param name="Number">1–7 (the quiz), 9–11 (select).</param>
/// <param name="Title">The rule it exercises.</param>
/// <param name="Program">The program, in Go, as the quiz states it.</param>
/// <param name="ExerciseAnswer">The exercise's answer, shown beside the detector's verdict.</param>
/// <param name="Expected">The exercise's answer as an order, to check the detector agrees.</param>
/// <param name="Body">The program written with tracked primitives; runs as <c>main</c>.</param>
/// <param name="Extra">A second question about the same run (first event, second event, expected order), or null.</param>
public sealed record QuizScenario(
    int Number,
    string Title,
    string Program,
    string ExerciseAnswer,
    HappensBeforeOrder Expected,
    Action<VectorClockDetector> Body,
    (string First, string Second, HappensBeforeOrder Expected, string Meaning)? Extra = null);
