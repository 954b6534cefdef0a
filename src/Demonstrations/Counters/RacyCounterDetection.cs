namespace ActorConcurrency.Demonstrations.Counters;

/// <summary>Task 1's racy counter under the detector, free-running and serialised (see <see cref="CounterDetection.RacyCounter"/>).</summary>
/// <param name="Tasks">Logical threads, one increment each.</param>
/// <param name="FreeRunning">The run with nothing between the threads.</param>
/// <param name="Serialised">The run serialised by a semaphore the detector does not see, so the total is exact.</param>
/// <param name="Report">One report of the free-running run's races, and its summary.</param>
public sealed record RacyCounterDetection(int Tasks, DetectorRun FreeRunning, DetectorRun Serialised, DetectorReport Report) : IDemonstrationResult
{
    /// <summary>Whether both runs reported the race, the exact one included.</summary>
    public bool Held => FreeRunning.Races > 0 && Serialised.Races > 0;

    /// <inheritdoc />
    public string Evidence =>
        $"detector: {FreeRunning.Races} race(s) free-running (total {FreeRunning.Total}/{Tasks}), {Serialised.Races} with the total exact ({Serialised.Total}/{Tasks})";
}

/// <summary>One counter program run under the detector.</summary>
/// <param name="Total">The total the program read at the end.</param>
/// <param name="Races">Distinct races reported (pairs of code sites).</param>
/// <param name="Detections">Racing access pairs seen, every occurrence counted.</param>
public sealed record DetectorRun(long Total, int Races, int Detections);
