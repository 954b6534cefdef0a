using ActorConcurrency.RaceDetector.Clocks;

namespace ActorConcurrency.RaceDetector.Sync;

/// <summary>A value in flight with what its sender released (its clock and epoch at the send). Immutable.</summary>
internal sealed class ChannelMessage<T>(T value, VectorClock senderClock, Epoch senderEpoch)
{
    public T Value { get; } = value;

    public VectorClock SenderClock { get; } = senderClock;

    public Epoch SenderEpoch { get; } = senderEpoch;
}
