using ActorConcurrency.Host.Catalog;
using ActorConcurrency.RaceDetector.Quiz;

namespace ActorConcurrency.Host.Tasks;

/// <summary>
/// Task 20: the happens-before quiz. Each scenario (the quiz's seven, then three about select) runs under the race detector, which
/// answers "A before B, B before A, or concurrent?" from the events' vector clocks and names the edge that
/// orders them; the actor form adds the Tell → receive edge through a real Akka actor.
/// </summary>
internal sealed class Task20HappensBefore : CatalogTask
{
    public override TaskInfo Info { get; } = new(
        20,
        "Happens-before",
        "happens-before quiz",
        "HappensBefore",
        SharedStateTypes: ["VectorClockDetector", "HappensBeforeQuiz", "TrackedChannel / TrackedMutex / TrackedWaitGroup / TrackedOnce"],
        ActorTypes: ["TellReceiveActor (Tell → receive edge)"],
        Specs: ["HappensBeforeSpec", "RaceDetectorSpec", "TellReceiveSpec"],
        Benchmark: "RaceDetectorBenchmarks");

    public override Task<Demonstrations.IDemonstrationResult> RunAsync(DemoContext context)
    {
        int[] all = [.. HappensBeforeQuiz.Scenarios.Select(s => s.Number).Append(HappensBeforeDemo.ActorScenario).Order()];
        DemoOutcome quiz = HappensBeforeDemo.Print(context, all, showEdges: false);

        // The quiz's publication question on the real plain code: no edge without Volatile, one with it.
        var raceMode = Race.RaceModeSection.Print(context.Console, nameof(Race.RaceProbes.PlainPublication), nameof(Race.RaceProbes.VolatilePublication));
        return Task.FromResult<Demonstrations.IDemonstrationResult>(new DemoOutcome(quiz.Held && raceMode.Held, $"{quiz.Evidence}; {raceMode.Evidence}"));
    }
}
