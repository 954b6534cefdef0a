namespace ActorConcurrency.Demonstrations.Counters;

/// <summary>Task 4: the channel and the owner actor counted, then tasks 2–4's fixes under the detector.</summary>
/// <param name="Counted">The channel's and the actor's totals over the runs.</param>
/// <param name="Detector">Atomic, mutex and channel written with tracked primitives, under the detector.</param>
public sealed record CommunicationResult(CounterRuns Counted, TrackedCounterDetection Detector) : IDemonstrationResult
{
    /// <inheritdoc />
    public bool Held => Counted.Held && Detector.Held;

    /// <inheritdoc />
    public string Evidence => $"{Counted.Evidence}; {Detector.Evidence}";
}
