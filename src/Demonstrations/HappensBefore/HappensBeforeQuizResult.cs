using ActorConcurrency.RaceDetector.Reports;

namespace ActorConcurrency.Demonstrations.HappensBefore;

/// <summary>Task 20 and <c>hb</c>: each scenario's order decided by the detector's vector clocks, beside the exercise's answer.</summary>
/// <param name="Scenarios">The scenarios run, in order.</param>
public sealed record HappensBeforeQuizResult(IReadOnlyList<ScenarioVerdict> Scenarios) : IDemonstrationResult
{
    /// <summary>Whether the clocks gave the exercise's answer in every scenario.</summary>
    public bool Held => Scenarios.All(s => s.Agrees);

    /// <inheritdoc />
    public string Evidence => $"{Scenarios.Count(s => s.Agrees)}/{Scenarios.Count} verdicts computed from the clocks agree with the exercise";
}

/// <summary>One scenario: the program, the order its clocks gave, and whether that is the exercise's answer.</summary>
/// <param name="Number">1–7 the quiz, 8 the actor, 9–11 select.</param>
/// <param name="Title">The rule it exercises.</param>
/// <param name="Program">The program, in Go (the actor's in pseudo-code).</param>
/// <param name="ActorForm">Whether it ran through a real Akka actor (Tell → receive) rather than tracked primitives.</param>
/// <param name="Answer">A vs B, from the clocks.</param>
/// <param name="ExtraMeaning">The extra question of the same run, if any (what A' is).</param>
/// <param name="ExtraAnswer">Its answer from the clocks.</param>
/// <param name="Edges">Every edge the run applied.</param>
/// <param name="RacesOnA">Races reported on the variable the events touch.</param>
/// <param name="ExerciseAnswer">The exercise's answer, in words.</param>
/// <param name="Agrees">Whether the clocks gave it.</param>
/// <param name="ValueRead">What the actor read (the actor form only).</param>
public sealed record ScenarioVerdict(
    int Number, string Title, string Program, bool ActorForm, ClockAnswer Answer, string? ExtraMeaning, ClockAnswer? ExtraAnswer,
    IReadOnlyList<string> Edges, int RacesOnA, string ExerciseAnswer, bool Agrees, string? ValueRead);

/// <summary>The answer to "is A before B?" as the clocks gave it (see <see cref="OrderAnswer"/>).</summary>
/// <param name="First">Event A.</param>
/// <param name="Second">Event B.</param>
/// <param name="Order">The verdict from the clocks.</param>
/// <param name="Chain">The kinds of the edges from the earlier event to the later one.</param>
/// <param name="Verdict">The verdict in words.</param>
/// <param name="Justification">Why: program order, the chain of edges, or the clock entries.</param>
public sealed record ClockAnswer(ClockedEvent First, ClockedEvent Second, HappensBeforeOrder Order, IReadOnlyList<string> Chain, string Verdict, string Justification)
{
    /// <summary>The detector's answer, as plain figures.</summary>
    public static ClockAnswer Of(OrderAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return new ClockAnswer(ClockedEvent.Of(answer.First), ClockedEvent.Of(answer.Second), answer.Order, [.. answer.Chain.Select(e => e.Kind)], answer.Verdict, answer.Justification);
    }
}

/// <summary>One event with its vector clock.</summary>
/// <param name="Name">A, B or A'.</param>
/// <param name="Thread">The logical thread it happened on.</param>
/// <param name="Clock">That thread's clock at the event.</param>
/// <param name="Knows">The event's whole vector clock, as the detector prints it.</param>
public sealed record ClockedEvent(string Name, string Thread, int Clock, string Knows)
{
    /// <summary>The detector's event, as plain figures.</summary>
    public static ClockedEvent Of(NamedEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new ClockedEvent(e.Name, e.ThreadName, e.Clock, e.Knows.ToString());
    }
}
