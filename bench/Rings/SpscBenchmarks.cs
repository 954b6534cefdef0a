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
        _pinnedPair = new ParallelHarness(2, pinned: true);
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
    public long SimpleRing() => Move(new SpscTransfer.SimpleRing(_simple));

    /// <summary>The physical floor: the same design in C++ (g++ -O3), one item per call, threads pinned.</summary>
    [Benchmark(OperationsPerInvoke = Items)]
    public long NativeRing() => _native!.Run(Items);

    [Benchmark(OperationsPerInvoke = Items)]
    public long PaddedRing() => Move(new SpscTransfer.PaddedRing(_padded));

    /// <summary>The optimised ring as designed to be used: batches, one release store per batch on each side.</summary>
    [Benchmark(OperationsPerInvoke = Items)]
    public long PaddedRingBatched()
    {
        _pinnedPair.Run(side =>
        {
            Span<long> batch = stackalloc long[Batch];
            if (side == 0)
            {
                SpscTransfer.ProduceBatched(_padded, Items, batch);
            }
            else
            {
                _checksum = SpscTransfer.ConsumeBatched(_padded, Items, batch, default(SumSink)).Sum;
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
                SpscTransfer.Produce(_channel.Writer, Items);
            }
            else
            {
                _checksum = SpscTransfer.Consume(_channel.Reader, Items, default(SumSink)).Sum;
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

    /// <summary>
    /// Worker 0 produces into <paramref name="ring"/>, worker 1 consumes, both pinned (one specialised copy per ring:
    /// <see cref="SpscTransfer"/>).
    /// </summary>
    private long Move<TRing>(TRing ring)
        where TRing : struct, ISpscQueue<long>
    {
        _pinnedPair.Run(side =>
        {
            if (side == 0)
            {
                SpscTransfer.Produce(ring, Items);
            }
            else
            {
                _checksum = SpscTransfer.Consume(ring, Items, default(SumSink)).Sum;
            }
        });
        return _checksum;
    }
}
