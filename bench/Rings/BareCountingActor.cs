using Akka.Actor;

namespace ActorConcurrency.Bench.Rings;

/// <summary>
/// The bare Akka floor of the ring group: the least an actor consumer can do per Tell — an
/// <see cref="UntypedActor"/> (no handler table) that counts a pre-allocated <see cref="BareCountingProtocol.Tick"/>.
/// What <see cref="Actors.Rings.StreamCountingActor"/> costs above it is its own work and the allocation of a
/// message per item; what this costs is the mailbox and the dispatcher.
/// </summary>
internal sealed class BareCountingActor : UntypedActor
{
    private long _count;
    private long _waitingFor = long.MaxValue;
    private IActorRef _waiting = ActorRefs.Nobody;

    protected override void OnReceive(object message)
    {
        if (ReferenceEquals(message, BareCountingProtocol.Tick.Instance))
        {
            if (++_count == _waitingFor)
            {
                Answer();
            }
        }
        else if (message is BareCountingProtocol.WhenCounted when)
        {
            _waiting = Sender;
            _waitingFor = when.Count;
            if (_count >= when.Count)
            {
                Answer();
            }
        }
        else
        {
            Unhandled(message);
        }
    }

    private void Answer()
    {
        _waiting.Tell(new BareCountingProtocol.Counted(_count));
        _waiting = ActorRefs.Nobody;
        _waitingFor = long.MaxValue;
    }

    /// <summary>The props to spawn one.</summary>
    public static Props Props() => Akka.Actor.Props.Create(() => new BareCountingActor());
}
