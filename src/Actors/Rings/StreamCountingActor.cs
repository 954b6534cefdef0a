using Akka.Actor;

namespace ActorConcurrency.Actors.Rings;

/// <summary>
/// Task 14, the mailbox as the queue: one producer Tells a stream of items 0, 1, 2, … and this actor, the
/// single consumer, counts them, sums them and checks each is one more than the last. A mailbox is an
/// MPSC queue with per-sender FIFO, so from one sender nothing is lost or reordered; the price next to
/// an SPSC ring is an allocation per item and a scheduling hop per batch of messages.
/// </summary>
public sealed class StreamCountingActor : ReceiveActor
{
    /// <summary>The next value expected; touched only inside this actor's handlers, like the totals below.</summary>
    private long _expected;
    private long _count;
    private long _sum;
    private long _outOfOrder;

    /// <summary>Callers of <see cref="StreamProtocol.WhenReceived"/> still waiting, with the count each waits for.</summary>
    private readonly List<(IActorRef Caller, long Count)> _waiting = [];

    /// <summary>Creates the actor's behaviour.</summary>
    public StreamCountingActor()
    {
        Receive<StreamProtocol.Item>(item =>
        {
            if (item.Value != _expected)
            {
                _outOfOrder++;
            }

            _expected = item.Value + 1;
            _count++;
            _sum += item.Value;
            if (_waiting.Count != 0)
            {
                AnswerWaiting();
            }
        });
        Receive<StreamProtocol.GetReceived>(_ => Sender.Tell(Snapshot()));
        Receive<StreamProtocol.WhenReceived>(when =>
        {
            _waiting.Add((Sender, when.Count));
            AnswerWaiting();
        });
    }

    private StreamProtocol.Received Snapshot() => new(_count, _sum, _outOfOrder);

    private void AnswerWaiting()
    {
        for (int i = _waiting.Count - 1; i >= 0; i--)
        {
            if (_waiting[i].Count <= _count)
            {
                _waiting[i].Caller.Tell(Snapshot());
                _waiting.RemoveAt(i);
            }
        }
    }

    /// <summary>The props to spawn a counting consumer.</summary>
    public static Props Props() => Akka.Actor.Props.Create(() => new StreamCountingActor());
}
