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
/// produces, worker 1 consumes. Compared: the simple ring (baseline), the padded ring item by item and in
/// batches of <see cref="Batch"/>, a bounded <see cref="Channel{T}"/> with a single reader and writer,
/// a bounded <see cref="BlockingCollection{T}"/>, and a Tell stream into a counting actor. Targets (judged
/// on the owner's run): the padded batch ring ≥ 5× the channel and ≥ 3× the simple ring.
/// </summary>
[MemoryDiagnoser]
public class SpscBenchmarks
{
    /// <summary>Items moved per invocation.</summary>
    public const int Items = 1 << 20;

    /// <summary>Slots in every bounded queue.</summary>
    public const int Capacity = 4096;

    /// <summary>Items per batch operation of the padded ring.</summary>
    public const int Batch = 256;

    private ParallelHarness _pair = null!;
    private ParallelHarness _producerOnly = null!;
    private SpscRingBuffer<long> _simple = null!;
    private PaddedSpscRingBuffer<long> _padded = null!;
    private Channel<long> _channel = null!;
    private BlockingCollection<long> _blocking = null!;
    private ActorSystem _system = null!;
    private IActorRef _counter = null!;

    /// <summary>Items told to the actor so far, over all invocations (the actor's count keeps growing).</summary>
    private long _told;

    /// <summary>The consumer's checksum of the last invocation, returned so the work cannot be elided.</summary>
    private long _checksum;

    [GlobalSetup]
    public void Setup()
    {
        _pair = new ParallelHarness(2);
        _producerOnly = new ParallelHarness(1);
        _simple = new SpscRingBuffer<long>(Capacity);
        _padded = new PaddedSpscRingBuffer<long>(Capacity);
        _channel = Channel.CreateBounded<long>(new BoundedChannelOptions(Capacity) { SingleReader = true, SingleWriter = true });
        _blocking = new BlockingCollection<long>(new ConcurrentQueue<long>(), Capacity);
        _system = ActorSystem.Create("bench-spsc", HoconConfig.Base);
        _counter = _system.ActorOf(StreamCountingActor.Props());
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _pair.Dispose();
        _producerOnly.Dispose();
        _blocking.Dispose();
        _system.Terminate().Wait();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Items)]
    public long SimpleRing()
    {
        _pair.Run(side =>
        {
            if (side == 0)
            {
                var spin = default(SpinWait);
                for (long i = 0; i < Items; i++)
                {
                    while (!_simple.TryEnqueue(i))
                    {
                        spin.SpinOnce(sleep1Threshold: -1);
                    }
                }
            }
            else
            {
                var spin = default(SpinWait);
                long sum = 0;
                for (int received = 0; received < Items;)
                {
                    if (_simple.TryDequeue(out long item))
                    {
                        sum += item;
                        received++;
                    }
                    else
                    {
                        spin.SpinOnce(sleep1Threshold: -1);
                    }
                }

                _checksum = sum;
            }
        });
        return _checksum;
    }

    [Benchmark(OperationsPerInvoke = Items)]
    public long PaddedRing()
    {
        _pair.Run(side =>
        {
            if (side == 0)
            {
                var spin = default(SpinWait);
                for (long i = 0; i < Items; i++)
                {
                    while (!_padded.TryEnqueue(i))
                    {
                        spin.SpinOnce(sleep1Threshold: -1);
                    }
                }
            }
            else
            {
                var spin = default(SpinWait);
                long sum = 0;
                for (int received = 0; received < Items;)
                {
                    if (_padded.TryDequeue(out long item))
                    {
                        sum += item;
                        received++;
                    }
                    else
                    {
                        spin.SpinOnce(sleep1Threshold: -1);
                    }
                }

                _checksum = sum;
            }
        });
        return _checksum;
    }

    /// <summary>The optimised ring as designed to be used: batches, one release store per batch on each side.</summary>
    [Benchmark(OperationsPerInvoke = Items)]
    public long PaddedRingBatched()
    {
        _pair.Run(side =>
        {
            Span<long> batch = stackalloc long[Batch];
            var spin = default(SpinWait);
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
                            spin.SpinOnce(sleep1Threshold: -1);
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
                        spin.SpinOnce(sleep1Threshold: -1);
                        continue;
                    }

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
}
