using ActorConcurrency.RaceDetector.Clocks;

namespace ActorConcurrency.RaceDetector.Sync;

/// <summary>
/// The sender's clock carried with an actor message: taken by <see cref="ActorEdges.Tell"/> on the sending
/// logical thread, joined by <see cref="ActorEdges.Receive"/> in the actor, so a Tell happens before its
/// receive. Immutable once taken.
/// </summary>
public sealed class TellStamp
{
    internal TellStamp(VectorClock clock, Epoch sender)
    {
        Clock = clock;
        Sender = sender;
    }

    internal VectorClock Clock { get; }

    /// <summary>The sender's epoch at the Tell.</summary>
    public Epoch Sender { get; }
}
