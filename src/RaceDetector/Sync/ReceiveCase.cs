using ActorConcurrency.RaceDetector.Tracking;

namespace ActorConcurrency.RaceDetector.Sync;

/// <summary>
/// <c>case v, ok := &lt;-ch:</c> in a <see cref="TrackedSelect"/>. If it fires, it synchronises like that receive
/// (after a send: send → receive; on a closed channel: close → receive) and holds what it received.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
public sealed class ReceiveCase<T> : SelectCase
{
    private ReceiveOffer<T>? _offer;

    internal ReceiveCase(TrackedChannel<T> channel) => Channel = channel;

    /// <summary>The channel.</summary>
    public TrackedChannel<T> Channel { get; }

    /// <summary>The value received (<c>default</c> when the channel was closed), once the case fired.</summary>
    public T Value { get; private set; } = default!;

    /// <summary>Go's <c>ok</c>: true for a value that was sent, false for the zero value of a closed channel.</summary>
    public bool Ok { get; private set; }

    internal override VectorClockDetector Detector => Channel.Detector;

    internal override bool TryFire(LogicalThread thread)
    {
        bool fired = Channel.TryReceiveLocked(thread, out T value, out bool ok);
        (Value, Ok) = (value, ok);
        return fired;
    }

    internal override bool IsReady(SelectWaiter own) => Channel.IsReceiveReady(own);

    internal override void Post(SelectWaiter waiter, int index, LogicalThread thread) => _offer = Channel.PostReceive(waiter, index, thread);

    internal override void Withdraw()
    {
        if (_offer is not null)
        {
            Channel.Withdraw(_offer);
        }
    }

    internal override void CompleteFired(LogicalThread thread)
    {
        ReceiveOffer<T> offer = _offer!;
        _offer = null;
        ChannelMessage<T> message = offer.Delivered!;
        Channel.Detector.AcquireFrom(thread, message.SenderClock, message.SenderEpoch, "channel send → receive", Channel.Name);
        (Value, Ok) = (message.Value, true);
    }
}
