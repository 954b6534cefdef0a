using System.CommandLine;
using System.Diagnostics;
using System.Threading.Channels;
using ActorConcurrency.Actors.Rings;
using ActorConcurrency.Demonstrations;
using ActorConcurrency.Host.Catalog;
using ActorConcurrency.SharedState.Rings;
using Akka.Actor;
using Spectre.Console;

namespace ActorConcurrency.Host.Tasks;

/// <summary>
/// Task 14: one producer thread sends 0..N−1 and one consumer receives them, through the simple ring, the
/// padded ring (item by item and in batches), a bounded channel and an actor's mailbox. The consumer checks
/// every item is the one after the last (no loss, no duplicate, no reordering); the table prints what it
/// counted, the sum, how many times the ring wrapped, and an indicative rate. The full and empty edges of
/// both rings are exercised first.
/// </summary>
internal sealed class Task14SpscRing : CatalogTask
{
    /// <summary>How many items each form moves.</summary>
    public static readonly TaskOption<int> Items = new(
        "--items", "Items moved from the producer thread to the consumer by each form", 2_000_000,
        v => v < 1 ? "must be at least 1" : null);

    /// <summary>The rings' capacity.</summary>
    public static readonly TaskOption<int> RingCapacity = new(
        "--capacity", "Ring and channel capacity (a power of two)", 1024,
        v => v < 1 || (v & (v - 1)) != 0 ? "must be a power of two" : null);

    private const int Batch = 256;

    public override TaskInfo Info { get; } = new(
        14,
        "SPSC ring buffer",
        "lock-free SPSC ring buffer",
        "Rings",
        SharedStateTypes: ["SpscRingBuffer<T>", "PaddedSpscRingBuffer<T>", "RingIndexes"],
        ActorTypes: ["StreamCountingActor (mailbox)"],
        Specs: ["SpscRingBufferSpec", "StreamCountingActorSpec"],
        Benchmark: "SpscBenchmarks");

    public override IReadOnlyList<Option> Options => [Items.Option, RingCapacity.Option];

    /// <summary>What the consumer of one form counted.</summary>
    private sealed record Moved(string Form, long Received, long Sum, long OutOfOrder, TimeSpan Elapsed, string Wraps);

    public override async Task<IDemonstrationResult> RunAsync(DemoContext context)
    {
        int items = context.Get(Items);
        int capacity = context.Get(RingCapacity);
        bool edgesHold = PrintEdges(context.Console);

        var results = new List<Moved>();
        await context.Console.Status().StartAsync("Moving items between threads…", async status =>
        {
            // One short unrecorded pass of every ring form first, so the JIT's tiering is not what the rates measure.
            status.Status("Warming up…");
            int warm = Math.Min(items, 100_000);
            await MoveAsync("warm-up", warm, "", RingProducer(new SpscRingBuffer<long>(capacity), out var warmSimple), RingConsumer(warmSimple));
            await MoveAsync("warm-up", warm, "", RingProducer(new PaddedSpscRingBuffer<long>(capacity), out var warmPadded), RingConsumer(warmPadded));
            var warmBatched = new PaddedSpscRingBuffer<long>(capacity);
            await MoveAsync("warm-up", warm, "", BatchProducer(warmBatched), BatchConsumer(warmBatched));

            string wraps = $"{items / capacity:N0}";
            status.Status("SpscRingBuffer…");
            results.Add(await MoveAsync("SpscRingBuffer (simple)", items, wraps, RingProducer(new SpscRingBuffer<long>(capacity), out var simple), RingConsumer(simple)));
            status.Status("PaddedSpscRingBuffer…");
            results.Add(await MoveAsync("PaddedSpscRingBuffer (item by item)", items, wraps, RingProducer(new PaddedSpscRingBuffer<long>(capacity), out var padded), RingConsumer(padded)));
            var batched = new PaddedSpscRingBuffer<long>(capacity);
            results.Add(await MoveAsync($"PaddedSpscRingBuffer (batches of {Batch})", items, wraps, BatchProducer(batched), BatchConsumer(batched)));
            status.Status("Channel…");
            var channel = Channel.CreateBounded<long>(new BoundedChannelOptions(capacity) { SingleReader = true, SingleWriter = true });
            results.Add(await MoveAsync("Channel<long> bounded, single reader/writer", items, "—", ChannelProducer(channel.Writer), ChannelConsumer(channel.Reader)));
            status.Status("Actor mailbox…");
            results.Add(await MoveToActorAsync(context, items));
        });

        long expectedSum = (long)items * (items - 1) / 2;
        var table = new Table().Border(TableBorder.Rounded).AddColumns(
            "form", "sent", "received", "sum = 0+…+(N−1)", "out of order", "ring wraps", "items/s (indicative)");
        foreach (Moved m in results)
        {
            bool exact = m.Received == items && m.Sum == expectedSum && m.OutOfOrder == 0;
            table.AddRow(
                Markup.Escape(m.Form),
                items.ToString("N0"),
                exact ? $"[green]{m.Received:N0}[/]" : $"[red]{m.Received:N0}[/]",
                m.Sum == expectedSum ? "[green]yes[/]" : $"[red]no ({m.Sum})[/]",
                m.OutOfOrder == 0 ? "[green]0[/]" : $"[red]{m.OutOfOrder}[/]",
                m.Wraps,
                $"{m.Received / m.Elapsed.TotalSeconds:N0}");
        }

        context.Console.Write(table);
        context.Console.MarkupLine("[grey]Rates are one indicative run on a shared machine; SpscBenchmarks measures them properly, beside a native C++ ring of the same design (targets: batches ≥5× the bounded channel and ≥3× the simple ring; item by item ≥0.8× the native ring).[/]");

        bool allExact = results.All(m => m.Received == items && m.Sum == expectedSum && m.OutOfOrder == 0);
        Moved simpleResult = results[0];
        Moved batchResult = results[2];
        return new DemoOutcome(
            allExact && edgesHold,
            $"{results.Count} forms each moved {items:N0} items in order with no loss (edges {(edgesHold ? "ok" : "BROKEN")}); batch/simple ring rate {simpleResult.Elapsed / batchResult.Elapsed:F1}× ({QuickMeasurement.Qualifier})");
    }

    private static bool PrintEdges(IAnsiConsole console)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumns("form (capacity 4)", "accepted of 5 enqueues", "dequeued", "dequeue on empty");
        bool holds = true;
        foreach (ISpscQueue<int> ring in new ISpscQueue<int>[] { new SpscRingBuffer<int>(4), new PaddedSpscRingBuffer<int>(4) })
        {
            int accepted = Enumerable.Range(0, 5).Count(ring.TryEnqueue);
            var dequeued = new List<int>();
            while (ring.TryDequeue(out int item))
            {
                dequeued.Add(item);
            }

            bool emptyRefused = !ring.TryDequeue(out _);
            holds &= accepted == 4 && dequeued.SequenceEqual([0, 1, 2, 3]) && emptyRefused;
            table.AddRow(ring.GetType().Name.Split('`')[0], accepted.ToString(), string.Join(", ", dequeued), emptyRefused ? "refused" : "[red]returned an item[/]");
        }

        console.Write(table);
        return holds;
    }

    /// <summary>Runs <paramref name="produce"/> on its own thread and <paramref name="consume"/> on another, released together.</summary>
    private static async Task<Moved> MoveAsync(string form, int items, string wraps, Action<int> produce, Func<int, (long Received, long Sum, long OutOfOrder)> consume)
    {
        using var start = new Barrier(3);
        var producer = Task.Factory.StartNew(() => { start.SignalAndWait(); produce(items); }, TaskCreationOptions.LongRunning);
        var consumer = Task.Factory.StartNew(() => { start.SignalAndWait(); return consume(items); }, TaskCreationOptions.LongRunning);
        start.SignalAndWait();
        var stopwatch = Stopwatch.StartNew();
        await producer;
        (long received, long sum, long outOfOrder) = await consumer;
        return new Moved(form, received, sum, outOfOrder, stopwatch.Elapsed, wraps);
    }

    private static Action<int> RingProducer<TRing>(TRing ring, out TRing same)
        where TRing : ISpscQueue<long>
    {
        same = ring;
        return items =>
        {
            var spin = default(SpinWait);
            for (long i = 0; i < items; i++)
            {
                while (!ring.TryEnqueue(i))
                {
                    spin.SpinOnce(sleep1Threshold: -1); // full: the consumer is behind
                }

                spin.Reset(); // a SpinWait left past ten spins yields on every later wait: a system call per poll
            }
        };
    }

    private static Func<int, (long, long, long)> RingConsumer(ISpscQueue<long> ring) => items =>
    {
        var tally = default(Tally);
        var spin = default(SpinWait);
        while (tally.Received < items)
        {
            if (ring.TryDequeue(out long item))
            {
                tally.Add(item);
                spin.Reset();
            }
            else
            {
                spin.SpinOnce(sleep1Threshold: -1); // empty: the producer is behind
            }
        }

        return tally.Result;
    };

    private static Action<int> BatchProducer(PaddedSpscRingBuffer<long> ring) => items =>
    {
        var batch = new long[Batch];
        var spin = default(SpinWait);
        long next = 0;
        while (next < items)
        {
            int size = (int)Math.Min(Batch, items - next);
            for (int i = 0; i < size; i++)
            {
                batch[i] = next + i;
            }

            int sent = 0;
            while (sent < size)
            {
                int n = ring.TryEnqueueMany(batch.AsSpan(sent, size - sent));
                if (n == 0)
                {
                    spin.SpinOnce(sleep1Threshold: -1);
                }
                else
                {
                    spin.Reset();
                }

                sent += n;
            }

            next += size;
        }
    };

    private static Func<int, (long, long, long)> BatchConsumer(PaddedSpscRingBuffer<long> ring) => items =>
    {
        var tally = default(Tally);
        var batch = new long[Batch];
        var spin = default(SpinWait);
        while (tally.Received < items)
        {
            int n = ring.TryDequeueMany(batch);
            if (n == 0)
            {
                spin.SpinOnce(sleep1Threshold: -1);
            }
            else
            {
                spin.Reset();
            }

            for (int i = 0; i < n; i++)
            {
                tally.Add(batch[i]);
            }
        }

        return tally.Result;
    };

    private static Action<int> ChannelProducer(ChannelWriter<long> writer) => items =>
    {
        for (long i = 0; i < items; i++)
        {
            if (!writer.TryWrite(i))
            {
                writer.WriteAsync(i).AsTask().GetAwaiter().GetResult(); // full: wait for room
            }
        }

        writer.Complete();
    };

    private static Func<int, (long, long, long)> ChannelConsumer(ChannelReader<long> reader) => items =>
    {
        var tally = default(Tally);
        while (tally.Received < items)
        {
            if (reader.TryRead(out long item))
            {
                tally.Add(item);
            }
            else if (!reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
            {
                break; // completed early: the table shows the shortfall
            }
        }

        return tally.Result;
    };

    private static async Task<Moved> MoveToActorAsync(DemoContext context, int items)
    {
        IActorRef counter = context.ActorSystem.ActorOf(StreamCountingActor.Props());
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
            await producer;

            // The Ask comes from another sender than the Tells, so it is not ordered after them: WhenReceived
            // makes the actor answer only once it has counted every item.
            var received = await counter.Ask<StreamProtocol.Received>(
                new StreamProtocol.WhenReceived(items), TimeSpan.FromSeconds(60), context.CancellationToken);

            return new Moved("StreamCountingActor (Tell into its mailbox)", received.Count, received.Sum, received.OutOfOrder, stopwatch.Elapsed, "—");
        }
        finally
        {
            context.ActorSystem.Stop(counter);
        }
    }

    /// <summary>The consumer's running check: count, sum, and items that were not one more than the previous.</summary>
    private struct Tally
    {
        private long _expected;
        private long _sum;
        private long _outOfOrder;

        public long Received { get; private set; }

        public readonly (long, long, long) Result => (Received, _sum, _outOfOrder);

        public void Add(long item)
        {
            if (item != _expected)
            {
                _outOfOrder++;
            }

            _expected = item + 1;
            _sum += item;
            Received++;
        }
    }
}
