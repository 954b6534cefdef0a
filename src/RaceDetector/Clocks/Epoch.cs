namespace ActorConcurrency.RaceDetector.Clocks;

/// <summary>
/// FastTrack's epoch <c>c@t</c>: one thread's clock value, the compact form of a vector clock that has a
/// single interesting entry. Clock 0 means "no access yet" (every thread starts at 1), so an empty epoch is
/// ordered before everything.
/// </summary>
/// <param name="ThreadId">The logical thread.</param>
/// <param name="Clock">That thread's clock at the access or release.</param>
public readonly record struct Epoch(int ThreadId, int Clock)
{
    /// <summary>True when this epoch is known to <paramref name="clock"/>: <c>c@t ⪯ V</c> iff <c>c ≤ V[t]</c>.</summary>
    public bool HappensBefore(VectorClock clock) => Clock <= clock[ThreadId];

    /// <inheritdoc />
    public override string ToString() => $"{Clock}@{ThreadId}";
}
