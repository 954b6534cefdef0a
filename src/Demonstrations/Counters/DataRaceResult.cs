using ActorConcurrency.Demonstrations.RaceForms;

namespace ActorConcurrency.Demonstrations.Counters;

/// <summary>Task 1: the racy counter free-running, its lost update forced, and what the detector and race mode said of it.</summary>
/// <param name="FreeRunning">The racy counter's totals over the runs (one form).</param>
/// <param name="ForcedTotal">The total after two increments with B's inside A's load–store (<see cref="CounterExperiment.ForceLostUpdate"/>).</param>
/// <param name="Detector">The tracked racy counter under the detector.</param>
/// <param name="RaceMode">Race mode on the plain racy counter and the atomic one.</param>
public sealed record DataRaceResult(CounterRuns FreeRunning, int ForcedTotal, RacyCounterDetection Detector, RaceModeResult RaceMode) : IDemonstrationResult
{
    /// <summary>The racy form's totals.</summary>
    public CounterTotals Racy => FreeRunning.Forms[0];

    /// <summary>Whether the forced interleaving lost the update and the detector and race mode said what the task predicts.</summary>
    public bool Held => ForcedTotal == 1 && Detector.Held && RaceMode.Held;

    /// <inheritdoc />
    public string Evidence =>
        $"lost updates in {Racy.RunsWithLostUpdates}/{Racy.PerRun.Count} runs, smallest total {Racy.Min:N0}/{Racy.Expected:N0}; " +
        $"forced interleaving: 2 increments -> {ForcedTotal}; {Detector.Evidence}; {RaceMode.Evidence}";

    /// <inheritdoc />
    public string? NotObserved => Racy.RunsWithLostUpdates == 0
        ? "the free-running racy counter lost no update; more --increments or --runs make it show"
        : null;
}
