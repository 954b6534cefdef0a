using Akka.Actor;

namespace ActorConcurrency.Actors.Counters;

/// <summary>
/// Tasks 2–4, actor form: the count is owned by one actor. Messages are processed one at a time, so the
/// increment needs no lock or atomic; the mailbox is the synchronisation. A <see cref="CounterProtocol.GetCount"/>
/// sent after a sender's increments is answered after them (per-sender FIFO), so it sees them all.
/// </summary>
public sealed class CounterActor : ReceiveActor
{
    /// <summary>Touched only inside this actor's message handlers.</summary>
    private long _count;

    /// <summary>Creates the actor's behaviour.</summary>
    public CounterActor()
    {
        Receive<CounterProtocol.Increment>(_ => _count++);
        Receive<CounterProtocol.GetCount>(_ => Sender.Tell(new CounterProtocol.Count(_count)));
    }

    /// <summary>The props to spawn a counter.</summary>
    public static Props Props() => Akka.Actor.Props.Create(() => new CounterActor());
}
