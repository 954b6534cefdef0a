using System.Diagnostics;
using System.Threading.Channels;
using ActorConcurrency.Actors.Rings;
using ActorConcurrency.SharedState.Rings;
using Akka.Actor;
using static ActorConcurrency.Demonstrations.Rings.SpscLoops;

namespace ActorConcurrency.Demonstrations.Rings;

/// <summary>
/// Task 14: one producer thread sends 0..N−1 and one consumer receives them, through the simple ring, the padded ring
/// (item by item and in batches), a bounded channel and an actor's mailbox. The consumer checks every item is the one
/// after the last (no loss, no duplicate, no reordering) and counts the sum. The full and empty edges of both rings
/// are a section of their own (<see cref="CheckEdges"/>), which the host prints before the moves.
/// </summary>
public static class SpscRingExperiment
{
    /// <summary>Five enqueues into each ring of capacity 4, then dequeues until it is empty, then one more.</summary>
    public static RingEdges CheckEdges()
    {
        var edges = new List<RingEdge>(2);
        foreach (ISpscQueue<int> ring in new ISpscQueue<int>[] { new SpscRingBuffer<int>(4), new PaddedSpscRingBuffer<int>(4) })
        {
            int accepted = Enumerable.Range(0, 5).Count(ring.TryEnqueue);
            var dequeued = new List<int>();
            while (ring.TryDequeue(out int item))
            {
                dequeued.Add(item);
            }

            edges.Add(new RingEdge(ring.GetType().Name.Split('`')[0], accepted, dequeued, EmptyRefused: !ring.TryDequeue(out _)));
        }

        return new RingEdges(edges);
    }

    /// <summary>Moves <see cref="SpscRingSettings.Items"/> items through every form, after one short unrecorded pass of each ring form.</summary>
    public static async Task<RingMoves> MoveAsync(SpscRingSettings settings, ActorSystem system, IProgress<string>? status, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        int items = settings.Items, capacity = settings.Capacity;

        // One short unrecorded pass of every ring form first, so the JIT's tiering is not what the rates measure.
        status?.Report("Warming up…");
        int warm = Math.Min(items, 100_000);
        var warmSimple = new SpscRingBuffer<long>(capacity);
        await MoveAsync("warm-up", warm, null, RingProducer(warmSimple), RingConsumer(warmSimple)).ConfigureAwait(false);
        var warmPadded = new PaddedSpscRingBuffer<long>(capacity);
        await MoveAsync("warm-up", warm, null, RingProducer(warmPadded), RingConsumer(warmPadded)).ConfigureAwait(false);
        var warmBatched = new PaddedSpscRingBuffer<long>(capacity);
        await MoveAsync("warm-up", warm, null, BatchProducer(warmBatched), BatchConsumer(warmBatched)).ConfigureAwait(false);

        long wraps = items / capacity;
        var moved = new List<MovedItems>(5);
        status?.Report("SpscRingBuffer…");
        var simple = new SpscRingBuffer<long>(capacity);
        moved.Add(await MoveAsync("SpscRingBuffer (simple)", items, wraps, RingProducer(simple), RingConsumer(simple)).ConfigureAwait(false));
        status?.Report("PaddedSpscRingBuffer…");
        var padded = new PaddedSpscRingBuffer<long>(capacity);
        moved.Add(await MoveAsync("PaddedSpscRingBuffer (item by item)", items, wraps, RingProducer(padded), RingConsumer(padded)).ConfigureAwait(false));
        var batched = new PaddedSpscRingBuffer<long>(capacity);
        moved.Add(await MoveAsync($"PaddedSpscRingBuffer (batches of {Batch})", items, wraps, BatchProducer(batched), BatchConsumer(batched)).ConfigureAwait(false));
        status?.Report("Channel…");
        var channel = Channel.CreateBounded<long>(new BoundedChannelOptions(capacity) { SingleReader = true, SingleWriter = true });
        moved.Add(await MoveAsync("Channel<long> bounded, single reader/writer", items, null, ChannelProducer(channel.Writer), ChannelConsumer(channel.Reader)).ConfigureAwait(false));
        status?.Report("Actor mailbox…");
        moved.Add(await MoveToActorAsync(system, items, cancellationToken).ConfigureAwait(false));
        return new RingMoves(items, capacity, moved);
    }

    /// <summary>Runs <paramref name="produce"/> on its own thread and <paramref name="consume"/> on another, released together.</summary>
    private static async Task<MovedItems> MoveAsync(string form, int items, long? wraps, Action<int> produce, Func<int, Tally> consume)
    {
        using var start = new Barrier(3);
        var producer = Task.Factory.StartNew(() => { start.SignalAndWait(); produce(items); }, TaskCreationOptions.LongRunning);
        var consumer = Task.Factory.StartNew(() => { start.SignalAndWait(); return consume(items); }, TaskCreationOptions.LongRunning);
        start.SignalAndWait();
        var stopwatch = Stopwatch.StartNew();
        await producer.ConfigureAwait(false);
        Tally tally = await consumer.ConfigureAwait(false);
        return new MovedItems(form, tally.Received, tally.Sum, tally.OutOfOrder, stopwatch.Elapsed.TotalSeconds, wraps);
    }

    private static async Task<MovedItems> MoveToActorAsync(ActorSystem system, int items, CancellationToken cancellationToken)
    {
        IActorRef counter = system.ActorOf(StreamCountingActor.Props());
        try
        {
            using var start = new Barrier(2);
            var producer = Task.Factory.StartNew(
                () =>
                {
                    start.SignalAndWait();
                    for (long i = 0; i < items; i++)
                    {
                        counter.Tell(new StreamProtocol.Item(i));
                    }
                },
                TaskCreationOptions.LongRunning);
            start.SignalAndWait();
            var stopwatch = Stopwatch.StartNew();
            await producer.ConfigureAwait(false);

            // The Ask comes from another sender than the Tells, so it is not ordered after them: WhenReceived
            // makes the actor answer only once it has counted every item.
            var received = await counter.Ask<StreamProtocol.Received>(
                new StreamProtocol.WhenReceived(items), TimeSpan.FromSeconds(60), cancellationToken).ConfigureAwait(false);

            return new MovedItems("StreamCountingActor (Tell into its mailbox)", received.Count, received.Sum, received.OutOfOrder, stopwatch.Elapsed.TotalSeconds, null);
        }
        finally
        {
            system.Stop(counter);
        }
    }
}
