using ActorConcurrency.RaceDetector.Clocks;

namespace ActorConcurrency.RaceDetector.Sync;

/// <summary>
/// A receiver blocked on an unbuffered channel (in a receive or a select), with its clock as it blocked: a
/// sender that finds it delivers <see cref="Delivered"/> and learns that clock (the receive happens before
/// the send completes). Guarded by the detector's channel gate.
/// </summary>
internal sealed class ReceiveOffer<T>(SelectWaiter waiter, int caseIndex, VectorClock receiverClock, Epoch receiverEpoch)
{
    public SelectWaiter Waiter { get; } = waiter;

    public int CaseIndex { get; } = caseIndex;

    public VectorClock ReceiverClock { get; } = receiverClock;

    public Epoch ReceiverEpoch { get; } = receiverEpoch;

    /// <summary>Set by the sender that found this receiver.</summary>
    public ChannelMessage<T>? Delivered { get; set; }
}
