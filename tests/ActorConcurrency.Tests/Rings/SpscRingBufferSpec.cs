using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using ActorConcurrency.SharedState.Rings;
using ActorConcurrency.Tests.Support;

namespace ActorConcurrency.Tests.Rings;

/// <summary>Task 14: both SPSC rings — capacity rule, full and empty edges, wrap-around, and one producer to one consumer with nothing lost, duplicated or reordered.</summary>
public sealed class SpscRingBufferSpec
{
    public static TheoryData<string> Forms => ["simple", "padded"];

    private static ISpscQueue<long> Create(string form, int capacity) => form switch
    {
        "simple" => new SpscRingBuffer<long>(capacity),
        "padded" => new PaddedSpscRingBuffer<long>(capacity),
        _ => throw new ArgumentOutOfRangeException(nameof(form), form, null),
    };

    /// <summary>Items per producer/consumer run: STRESS_REPETITIONS × 20 000 (1 000 000 by default).</summary>
    private static int StreamLength => StressConfig.Repetitions * 20_000;

    [Theory]
    [InlineData(0)]
    [InlineData(-4)]
    [InlineData(3)]
    [InlineData(6)]
    [InlineData(1000)]
    public void A_capacity_that_is_not_a_power_of_two_is_rejected(int capacity)
    {
        Assert.Equal("capacity", Assert.Throws<ArgumentOutOfRangeException>(() => new SpscRingBuffer<int>(capacity)).ParamName);
        Assert.Equal("capacity", Assert.Throws<ArgumentOutOfRangeException>(() => new PaddedSpscRingBuffer<int>(capacity)).ParamName);
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public void A_full_ring_refuses_and_an_empty_ring_returns_nothing(string form)
    {
        ISpscQueue<long> ring = Create(form, 4);
        Assert.False(ring.TryDequeue(out _));
        for (int i = 0; i < 4; i++)
        {
            Assert.True(ring.TryEnqueue(i));
        }

        Assert.False(ring.TryEnqueue(99));
        Assert.True(ring.TryDequeue(out long first));
        Assert.Equal(0, first);
        Assert.True(ring.TryEnqueue(4)); // the freed slot is reusable
        Assert.False(ring.TryEnqueue(5));
        for (long expected = 1; expected <= 4; expected++)
        {
            Assert.True(ring.TryDequeue(out long item));
            Assert.Equal(expected, item);
        }

        Assert.False(ring.TryDequeue(out _));
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public void A_capacity_of_one_alternates_full_and_empty(string form)
    {
        ISpscQueue<long> ring = Create(form, 1);
        for (long i = 0; i < 100; i++)
        {
            Assert.True(ring.TryEnqueue(i));
            Assert.False(ring.TryEnqueue(-1));
            Assert.True(ring.TryDequeue(out long item));
            Assert.Equal(i, item);
            Assert.False(ring.TryDequeue(out _));
        }
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public void Wraps_around_many_times_in_order(string form)
    {
        ISpscQueue<long> ring = Create(form, 8);
        long next = 0;
        long expected = 0;
        var random = new Random(7);
        while (expected < 100_000)
        {
            // Fill a random amount, drain a random amount: every slot boundary is crossed thousands of times.
            for (int n = random.Next(1, 9); n > 0 && ring.TryEnqueue(next); n--)
            {
                next++;
            }

            for (int n = random.Next(1, 9); n > 0 && ring.TryDequeue(out long item); n--)
            {
                Assert.Equal(expected++, item);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public async Task One_producer_thread_to_one_consumer_thread_loses_duplicates_and_reorders_nothing(string form)
    {
        ISpscQueue<long> ring = Create(form, 64);
        int length = StreamLength;
        using var start = new Barrier(2);
        var producer = Task.Factory.StartNew(
            () =>
            {
                start.SignalAndWait();
                var spin = default(SpinWait);
                for (long i = 0; i < length; i++)
                {
                    while (!ring.TryEnqueue(i))
                    {
                        spin.SpinOnce(sleep1Threshold: -1);
                    }
                }
            },
            TaskCreationOptions.LongRunning);

        start.SignalAndWait();
        var consumerSpin = default(SpinWait);
        long firstWrong = -1;
        for (long expected = 0; expected < length;)
        {
            if (ring.TryDequeue(out long item))
            {
                if (item != expected && firstWrong < 0)
                {
                    firstWrong = expected;
                }

                expected++;
            }
            else
            {
                consumerSpin.SpinOnce(sleep1Threshold: -1);
            }
        }

        await producer;
        Assert.Equal(-1, firstWrong);
        Assert.False(ring.TryDequeue(out _)); // nothing extra (no duplicate)
    }

    [Fact]
    public async Task Batches_cross_threads_in_order_and_partial_batches_report_what_fit()
    {
        var ring = new PaddedSpscRingBuffer<long>(64);
        int length = StreamLength;
        using var start = new Barrier(2);
        var producer = Task.Factory.StartNew(
            () =>
            {
                var batch = new long[37]; // not a divisor of the capacity: batches straddle the wrap
                var spin = default(SpinWait);
                start.SignalAndWait();
                for (long next = 0; next < length;)
                {
                    int size = (int)Math.Min(batch.Length, length - next);
                    for (int i = 0; i < size; i++)
                    {
                        batch[i] = next + i;
                    }

                    int sent = ring.TryEnqueueMany(batch.AsSpan(0, size)); // may be partial: resend the rest next round
                    if (sent == 0)
                    {
                        spin.SpinOnce(sleep1Threshold: -1);
                    }

                    next += sent;
                }
            },
            TaskCreationOptions.LongRunning);

        start.SignalAndWait();
        var buffer = new long[23];
        var consumerSpin = default(SpinWait);
        long expected = 0;
        long firstWrong = -1;
        while (expected < length)
        {
            int n = ring.TryDequeueMany(buffer);
            if (n == 0)
            {
                consumerSpin.SpinOnce(sleep1Threshold: -1);
            }

            for (int i = 0; i < n; i++, expected++)
            {
                if (buffer[i] != expected && firstWrong < 0)
                {
                    firstWrong = expected;
                }
            }
        }

        await producer;
        Assert.Equal(-1, firstWrong);
        Assert.Equal(0, ring.TryDequeueMany(buffer));
    }

    [Fact]
    public void Batch_operations_stop_at_full_and_at_empty()
    {
        var ring = new PaddedSpscRingBuffer<int>(8);
        Assert.Equal(0, ring.TryDequeueMany(new int[4]));
        Assert.Equal(8, ring.TryEnqueueMany(Enumerable.Range(0, 10).ToArray()));
        Assert.Equal(0, ring.TryEnqueueMany([42]));

        var first = new int[5];
        Assert.Equal(5, ring.TryDequeueMany(first));
        Assert.Equal([0, 1, 2, 3, 4], first);
        Assert.Equal(5, ring.TryEnqueueMany([8, 9, 10, 11, 12, 13])); // wraps past the end of the array

        var rest = new int[16];
        Assert.Equal(8, ring.TryDequeueMany(rest));
        Assert.Equal([5, 6, 7, 8, 9, 10, 11, 12], rest[..8]);
    }

    [Theory]
    [InlineData("simple")]
    [InlineData("padded")]
    [InlineData("padded-batch")]
    public void A_consumed_reference_is_not_kept_alive_by_its_slot(string form)
    {
        ISpscQueue<object> ring = form == "simple" ? new SpscRingBuffer<object>(4) : new PaddedSpscRingBuffer<object>(4);
        WeakReference consumed = EnqueueAndConsume(ring, batch: form == "padded-batch");
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        Assert.False(consumed.IsAlive);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference EnqueueAndConsume(ISpscQueue<object> ring, bool batch)
    {
        var item = new object();
        Assert.True(ring.TryEnqueue(item));
        if (batch)
        {
            Assert.Equal(1, ((PaddedSpscRingBuffer<object>)ring).TryDequeueMany(new object[2]));
        }
        else
        {
            Assert.True(ring.TryDequeue(out _));
        }

        return new WeakReference(item);
    }

    /// <summary>The padded ring's head and tail are on different cache lines, each away from the struct's neighbours (Disruptor's padding test).</summary>
    [Fact]
    public void Head_and_tail_sit_on_separate_padded_cache_lines()
    {
        Type indexes = typeof(PaddedSpscRingBuffer<int>).Assembly.GetType("ActorConcurrency.SharedState.Rings.RingIndexes", throwOnError: true)!;
        int padding = (int)indexes.GetField("Padding")!.GetRawConstantValue()!;
        int Offset(string field) => indexes.GetField(field)!.GetCustomAttribute<FieldOffsetAttribute>()!.Value;

        Assert.True(padding >= 64);
        Assert.True(Offset("Head") - Offset("Tail") >= padding, "head and tail share a cache line");
        Assert.True(Offset("Tail") >= padding, "tail is not padded from what precedes the struct");
        Assert.True(Marshal.SizeOf(indexes) - Offset("CachedTail") - sizeof(long) >= padding - (2 * sizeof(long)), "head's line is not padded from what follows");
        Assert.Equal(Offset("Tail") + sizeof(long), Offset("CachedHead")); // the producer's pair shares the producer's line
        Assert.Equal(Offset("Head") + sizeof(long), Offset("CachedTail")); // the consumer's pair shares the consumer's line
    }

    /// <summary>
    /// The padded ring's slots keep a padding's worth of unused slots at both ends of their array, so the first
    /// slot does not share a line with the array's length and the last one not with the next object on the heap.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(1024)]
    public void The_slots_array_is_padded_at_both_ends(int capacity)
    {
        AssertPadded<long>(capacity);
        AssertPadded<byte>(capacity);
        AssertPadded<object>(capacity);
    }

    private static void AssertPadded<T>(int capacity)
    {
        Type indexes = typeof(PaddedSpscRingBuffer<T>).Assembly.GetType("ActorConcurrency.SharedState.Rings.RingIndexes", throwOnError: true)!;
        int padding = (int)indexes.GetField("Padding")!.GetRawConstantValue()!;
        var ring = new PaddedSpscRingBuffer<T>(capacity);
        var slots = (T[])typeof(PaddedSpscRingBuffer<T>).GetField("_slots", BindingFlags.Instance | BindingFlags.NonPublic)!.GetValue(ring)!;
        int slotPadding = (slots.Length - capacity) / 2;

        Assert.Equal(capacity, ring.Capacity);
        Assert.Equal(capacity + (2 * slotPadding), slots.Length);
        Assert.True(slotPadding * Unsafe.SizeOf<T>() >= padding, $"{slotPadding} slots of {Unsafe.SizeOf<T>()} bytes are less than {padding} bytes of padding");
    }

    /// <summary>Items only ever land in the slots between the paddings, item by item and in batches, across wraps.</summary>
    [Fact]
    public void Wrapping_never_writes_into_the_padding()
    {
        const int capacity = 8;
        var ring = new PaddedSpscRingBuffer<long>(capacity);
        var slots = (long[])typeof(PaddedSpscRingBuffer<long>).GetField("_slots", BindingFlags.Instance | BindingFlags.NonPublic)!.GetValue(ring)!;
        int slotPadding = (slots.Length - capacity) / 2;
        long next = 1;
        for (int round = 0; round < 5; round++)
        {
            while (ring.TryEnqueue(next))
            {
                next++;
            }

            Assert.Equal(capacity, ring.TryDequeueMany(new long[capacity]));
            Assert.Equal(3, ring.TryEnqueueMany([next, next + 1, next + 2]));
            next += 3;
            Assert.Equal(3, ring.TryDequeueMany(new long[5]));
        }

        Assert.All(slots[..slotPadding], slot => Assert.Equal(0, slot));
        Assert.All(slots[^slotPadding..], slot => Assert.Equal(0, slot));
        Assert.Contains(slots[slotPadding..^slotPadding], slot => slot != 0);
    }
}
