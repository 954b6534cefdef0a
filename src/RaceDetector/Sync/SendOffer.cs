using ActorConcurrency.RaceDetector.Clocks;

namespace ActorConcurrency.RaceDetector.Sync;

/// <summary>
/// A sender blocked on an unbuffered channel (in a send or a select), waiting for a receiver to take
/// <see cref="Message"/>; the receiver that takes it hands back its own clock, so the receive happens before
/// the send completes. Guarded by the detector's channel gate.
/// </summary>
internal sealed class SendOffer<T>(SelectWaiter waiter, int caseIndex, ChannelMessage<T> message)
{
    public SelectWaiter Waiter { get; } = waiter;

    public int CaseIndex { get; } = caseIndex;

    public ChannelMessage<T> Message { get; } = message;

    /// <summary>Set by the receiver that took the message.</summary>
    public VectorClock? ReceiverClock { get; set; }

    public Epoch ReceiverEpoch { get; set; }
}
