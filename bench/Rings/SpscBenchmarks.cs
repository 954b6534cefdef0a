using System.Collections.Concurrent;
using System.Threading.Channels;
using ActorConcurrency.Actors.Hosting;
using ActorConcurrency.Actors.Rings;
using ActorConcurrency.Bench.Harness;
using ActorConcurrency.SharedState.Rings;
using Akka.Actor;
using BenchmarkDotNet.Attributes;

namespace ActorConcurrency.Bench.Rings;

/// <summary>
/// Task 14: the cost of moving one item from a producer thread to a consumer thread. Each invocation moves
/// <see cref="Items"/> items (OperationsPerInvoke), so the mean is per item and items/s = 1 / mean. The two
/// threads are started before timing and released together (<see cref="ParallelHarness"/>): worker 0
/// produces, worker 1 consumes. The ring forms run on workers pinned to CPUs 0 and 1, like the native floor's,
/// and a side that finds its ring full or empty waits by <see cref="SpscBackoff"/>, the native ring's policy;
/// the forms that block in the scheduler (channel, blocking collection, actor) run on unpinned workers, as a
/// user would run them, since a pinned thread cannot move off a core another process is using. Compared: the simple ring (baseline),
/// the native C++ ring of the padded ring's design (the physical floor, <see cref="NativeSpscRing"/>), the
/// padded ring item by item and in batches of <see cref="Batch"/>, a bounded <see cref="Channel{T}"/> with a
/// single reader and writer, a bounded <see cref="BlockingCollection{T}"/>, a Tell stream into a counting
/// actor and the bare Akka floor under it. Targets (judged on the owner's run): the padded batch ring ≥ 5×
/// the channel and ≥ 3× the simple ring; the padded ring item by item ≥ 0.8× the native ring.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[ReportAsRate("items")]
[Config(typeof(SpscBenchmarksConfig))]
public class SpscBenchmarks
{
    /// <summary>Items moved per invocation.</summary>
    public const int Items = 1 << 20;

    /// <summary>Slots in every bounded queue.</summary>
    public const int Capacity = 1024;

    /// <summary>Items per batch operation of the padded ring.</summary>
    public const int Batch = 256;

    private ParallelHarness _pinnedPair = null!;
    private ParallelHarness _pair = null!;
    private ParallelHarness _producerOnly = null!;
    private SpscRingBuffer<long> _simple = null!;
    private PaddedSpscRingBuffer<long> _padded = null!;
    private NativeSpscRing? _native;
    private Channel<long> _channel = null!;
    private BlockingCollection<long> _blocking = null!;
    private ActorSystem _system = null!;
    private IActorRef _counter = null!;
    private IActorRef _bare = null!;

    /// <summary>Items told to each actor so far, over all invocations (the actors' counts keep growing).</summary>
    private long _told;
    private long _toldBare;

    /// <summary>The consumer's checksum of the last invocation, returned so the work cannot be elided.</summary>
    private long _checksum;

    [GlobalSetup]
    public void Setup()
    {
        _pinnedPair = new ParallelHarness(2);
        _pinnedPair.Run(side => ThreadAffinity.PinCurrentThread(side));
        _pair = new ParallelHarness(2);
        _producerOnly = new ParallelHarness(1);
        _simple = new SpscRingBuffer<long>(Capacity);
        _padded = new PaddedSpscRingBuffer<long>(Capacity);
        _channel = Channel.CreateBounded<long>(new BoundedChannelOptions(Capacity) { SingleReader = true, SingleWriter = true });
        _blocking = new BlockingCollection<long>(new ConcurrentQueue<long>(), Capacity);
        _system = ActorSystem.Create("bench-spsc", HoconConfig.Base);
        _counter = _system.ActorOf(StreamCountingActor.Props());
        _bare = _system.ActorOf(BareCountingActor.Props());
    }

    /// <summary>Builds and starts the native floor only for its own benchmark (its workers would otherwise sit parked beside the others).</summary>
    [GlobalSetup(Target = nameof(NativeRing))]
    public void SetupNative()
    {
        Setup();
        _native = NativeSpscRing.Start(Capacity);
        Console.WriteLine($"// native ring: {_native.PinnedWorkers} of 2 workers pinned");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _native?.Dispose();
        _pinnedPair.Dispose();
        _pair.Dispose();
        _producerOnly.Dispose();
        _blocking.Dispose();
        _system.Terminate().Wait();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Items)]
    public long SimpleRing()
    {
        _pinnedPair.Run(side =>
        {
            if (side == 0)
            {
                Produce(_simple);
            }
            else
            {
                _checksum = Consume(_simple);
            }
        });
        return _checksum;
    }

    /// <summary>The physical floor: the same design in C++ (g++ -O3), one item per call, threads pinned.</summary>
    [Benchmark(OperationsPerInvoke = Items)]
    public long NativeRing() => _native!.Run(Items);

    [Benchmark(OperationsPerInvoke = Items)]
    public long PaddedRing()
    {
        _pinnedPair.Run(side =>
        {
            if (side == 0)
            {
                Produce(_padded);
            }
            else
            {
                _checksum = Consume(_padded);
            }
        });
        return _checksum;
    }

    /// <summary>The optimised ring as designed to be used: batches, one release store per batch on each side.</summary>
    [Benchmark(OperationsPerInvoke = Items)]
    public long PaddedRingBatched()
    {
        _pinnedPair.Run(side =>
        {
            Span<long> batch = stackalloc long[Batch];
            var backoff = default(SpscBackoff);
            if (side == 0)
            {
                for (long next = 0; next < Items;)
                {
                    int size = (int)Math.Min(Batch, Items - next);
                    for (int i = 0; i < size; i++)
                    {
                        batch[i] = next + i;
                    }

                    for (int sent = 0; sent < size;)
                    {
                        int n = _padded.TryEnqueueMany(batch[sent..size]);
                        if (n == 0)
                        {
                            backoff.Wait();
                        }
                        else
                        {
                            backoff.Reset();
                        }

                        sent += n;
                    }

                    next += size;
                }
            }
            else
            {
                long sum = 0;
                for (int received = 0; received < Items;)
                {
                    int n = _padded.TryDequeueMany(batch);
                    if (n == 0)
                    {
                        backoff.Wait();
                        continue;
                    }

                    backoff.Reset();
                    for (int i = 0; i < n; i++)
                    {
                        sum += batch[i];
                    }

                    received += n;
                }

                _checksum = sum;
            }
        });
        return _checksum;
    }

    [Benchmark(OperationsPerInvoke = Items)]
    public long BoundedChannel()
    {
        _pair.Run(side =>
        {
            if (side == 0)
            {
                ChannelWriter<long> writer = _channel.Writer;
                for (long i = 0; i < Items; i++)
                {
                    if (!writer.TryWrite(i))
                    {
                        writer.WriteAsync(i).AsTask().GetAwaiter().GetResult(); // full: wait for room
                    }
                }
            }
            else
            {
                ChannelReader<long> reader = _channel.Reader;
                long sum = 0;
                for (int received = 0; received < Items;)
                {
                    if (reader.TryRead(out long item))
                    {
                        sum += item;
                        received++;
                    }
                    else
                    {
                        reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult(); // empty: wait for an item
                    }
                }

                _checksum = sum;
            }
        });
        return _checksum;
    }

    [Benchmark(OperationsPerInvoke = Items)]
    public long BlockingCollection()
    {
        _pair.Run(side =>
        {
            if (side == 0)
            {
                for (long i = 0; i < Items; i++)
                {
                    _blocking.Add(i);
                }
            }
            else
            {
                long sum = 0;
                for (int received = 0; received < Items; received++)
                {
                    sum += _blocking.Take();
                }

                _checksum = sum;
            }
        });
        return _checksum;
    }

    /// <summary>One producer thread Tells every item; the counting actor is the consumer. The invocation ends when the actor has counted them all.</summary>
    [Benchmark(OperationsPerInvoke = Items)]
    public long ActorTellStream()
    {
        long first = _told;
        _producerOnly.Run(_ =>
        {
            for (long i = 0; i < Items; i++)
            {
                _counter.Tell(new StreamProtocol.Item(first + i));
            }
        });
        _told = first + Items;
        var received = _counter.Ask<StreamProtocol.Received>(new StreamProtocol.WhenReceived(_told), TimeSpan.FromMinutes(2)).GetAwaiter().GetResult();
        return received.Sum;
    }

    /// <summary>The bare Akka floor under <see cref="ActorTellStream"/>: a pre-allocated message Told to an <see cref="UntypedActor"/> that only counts.</summary>
    [Benchmark(OperationsPerInvoke = Items)]
    public long ActorBareFloor()
    {
        long first = _toldBare;
        _producerOnly.Run(_ =>
        {
            for (long i = 0; i < Items; i++)
            {
                _bare.Tell(BareCountingProtocol.Tick.Instance);
            }
        });
        _toldBare = first + Items;
        var counted = _bare.Ask<BareCountingProtocol.Counted>(new BareCountingProtocol.WhenCounted(_toldBare), TimeSpan.FromMinutes(2)).GetAwaiter().GetResult();
        return counted.Count;
    }

    // One producer and one consumer loop per ring type, so each call is to a sealed class the JIT can inline
    // (a shared generic over ISpscQueue<long> would dispatch through the interface).
    internal static void Produce(SpscRingBuffer<long> ring)
    {
        var backoff = default(SpscBackoff);
        for (long i = 0; i < Items; i++)
        {
            while (!ring.TryEnqueue(i))
            {
                backoff.Wait();
            }

            backoff.Reset();
        }
    }

    internal static long Consume(SpscRingBuffer<long> ring)
    {
        var backoff = default(SpscBackoff);
        long sum = 0;
        for (int received = 0; received < Items;)
        {
            if (ring.TryDequeue(out long item))
            {
                sum += item;
                received++;
                backoff.Reset();
            }
            else
            {
                backoff.Wait();
            }
        }

        return sum;
    }

    internal static void Produce(PaddedSpscRingBuffer<long> ring)
    {
        var backoff = default(SpscBackoff);
        for (long i = 0; i < Items; i++)
        {
            while (!ring.TryEnqueue(i))
            {
                backoff.Wait();
            }

            backoff.Reset();
        }
    }

    internal static long Consume(PaddedSpscRingBuffer<long> ring)
    {
        var backoff = default(SpscBackoff);
        long sum = 0;
        for (int received = 0; received < Items;)
        {
            if (ring.TryDequeue(out long item))
            {
                sum += item;
                received++;
                backoff.Reset();
            }
            else
            {
                backoff.Wait();
            }
        }

        return sum;
    }
}
