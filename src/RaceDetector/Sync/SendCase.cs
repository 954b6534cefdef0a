using ActorConcurrency.RaceDetector.Tracking;

namespace ActorConcurrency.RaceDetector.Sync;

/// <summary><c>case ch &lt;- value:</c> in a <see cref="TrackedSelect"/>. If it fires, it synchronises like that send.</summary>
/// <typeparam name="T">The element type.</typeparam>
public sealed class SendCase<T> : SelectCase
{
    private SendOffer<T>? _offer;

    internal SendCase(TrackedChannel<T> channel, T value)
    {
        Channel = channel;
        Value = value;
    }

    /// <summary>The channel.</summary>
    public TrackedChannel<T> Channel { get; }

    /// <summary>The value it sends.</summary>
    public T Value { get; }

    internal override VectorClockDetector Detector => Channel.Detector;

    internal override bool TryFire(LogicalThread thread) => Channel.TrySendLocked(thread, Value);

    internal override bool IsReady(SelectWaiter own) => Channel.IsSendReady(own);

    internal override void Post(SelectWaiter waiter, int index, LogicalThread thread) => _offer = Channel.PostSend(waiter, index, thread, Value);

    internal override void Withdraw()
    {
        if (_offer is not null)
        {
            Channel.Withdraw(_offer);
        }
    }

    internal override void CompleteFired(LogicalThread thread)
    {
        SendOffer<T> offer = _offer!;
        _offer = null;
        Channel.Detector.AcquireFrom(thread, offer.ReceiverClock!, offer.ReceiverEpoch, "unbuffered receive → send completes", Channel.Name);
    }
}
