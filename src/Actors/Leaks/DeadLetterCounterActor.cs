using Akka.Actor;
using Akka.Event;

namespace ActorConcurrency.Actors.Leaks;

/// <summary>
/// Task 9: counts the dead letters published on the event stream (optionally only those carrying one
/// message type), so a late reply is evidence rather than a log line. An asker waits for a count with
/// <see cref="DeadLetterCounterProtocol.AwaitCount"/> and is answered when it is reached, never by polling.
/// </summary>
public sealed class DeadLetterCounterActor : ReceiveActor
{
    /// <summary>Touched only inside this actor's message handlers.</summary>
    private readonly List<DeadLetter> _seen = [];

    private readonly List<(IActorRef Asker, int Count)> _waiting = [];

    /// <summary>Counts dead letters whose message is a <paramref name="messageType"/> (every dead letter when null).</summary>
    public DeadLetterCounterActor(Type? messageType)
    {
        Receive<DeadLetter>(d =>
        {
            if (messageType is not null && !messageType.IsInstanceOfType(d.Message))
            {
                return;
            }

            _seen.Add(d);
            AnswerWaiting();
        });
        Receive<DeadLetterCounterProtocol.AwaitCount>(a =>
        {
            _waiting.Add((Sender, a.Count));
            AnswerWaiting();
        });
    }

    /// <summary>The props to spawn a counter; it subscribes itself to the event stream when started.</summary>
    public static Props Props(Type? messageType = null) => Akka.Actor.Props.Create(() => new DeadLetterCounterActor(messageType));

    protected override void PreStart() => Context.System.EventStream.Subscribe(Self, typeof(DeadLetter));

    protected override void PostStop() => Context.System.EventStream.Unsubscribe(Self);

    private void AnswerWaiting()
    {
        for (int i = _waiting.Count - 1; i >= 0; i--)
        {
            if (_seen.Count >= _waiting[i].Count)
            {
                _waiting[i].Asker.Tell(new DeadLetterCounterProtocol.Counted(_seen.ToArray()));
                _waiting.RemoveAt(i);
            }
        }
    }
}
