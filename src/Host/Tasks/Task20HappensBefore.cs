using ActorConcurrency.Demonstrations;
using ActorConcurrency.Demonstrations.HappensBefore;
using ActorConcurrency.Demonstrations.RaceForms;
using ActorConcurrency.Host.Catalog;
using ActorConcurrency.Host.Race;
using ActorConcurrency.RaceDetector.Quiz;

namespace ActorConcurrency.Host.Tasks;

/// <summary>
/// Task 20: the happens-before quiz (<see cref="HappensBeforeExperiment"/>). Each scenario (the quiz's seven, then three
/// about select) runs under the race detector, which answers "A before B, B before A, or concurrent?" from the events'
/// vector clocks and names the edge that orders them; the actor form adds the Tell → receive edge through a real Akka
/// actor. Then the quiz's publication question on the real plain code, under race mode.
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
        Specs: ["HappensBeforeSpec", "RaceDetectorSpec", "TellReceiveSpec", "HappensBeforeExperimentSpec"],
        Benchmark: "RaceDetectorBenchmarks");

    public override Task<IDemonstrationResult> RunAsync(DemoContext context)
    {
        int[] all = [.. HappensBeforeQuiz.Scenarios.Select(s => s.Number).Append(HappensBeforeExperiment.ActorScenario).Order()];
        HappensBeforeQuizResult quiz = HappensBeforeExperiment.Run(all, context.ActorSystem, context.CancellationToken);
        HappensBeforeTable.Print(context.Console, quiz, showEdges: false);

        // The quiz's publication question on the real plain code: no edge without Volatile, one with it.
        RaceModeResult raceMode = RaceModeSection.Print(context.Console, nameof(RaceProbes.PlainPublication), nameof(RaceProbes.VolatilePublication));
        return Task.FromResult<IDemonstrationResult>(new HappensBeforeResult(quiz, raceMode));
    }
}
