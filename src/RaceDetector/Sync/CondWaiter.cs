using ActorConcurrency.RaceDetector.Clocks;

namespace ActorConcurrency.RaceDetector.Sync;

/// <summary>A logical thread parked in <see cref="TrackedCond.Wait"/>, and the clock of the Signal or Broadcast that woke it. Guarded by the cond's gate.</summary>
internal sealed class CondWaiter
{
    public bool Woken { get; set; }

    public VectorClock? SignalClock { get; set; }

    public Epoch SignalEpoch { get; set; }
}
