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
        });
        Receive<StreamProtocol.GetReceived>(_ => Sender.Tell(new StreamProtocol.Received(_count, _sum, _outOfOrder)));
    }

    /// <summary>The props to spawn a counting consumer.</summary>
    public static Props Props() => Akka.Actor.Props.Create(() => new StreamCountingActor());
}
