using ActorConcurrency.SharedState.Lru;

namespace ActorConcurrency.Tests.Lru;

/// <summary>
/// Task 13, the CLOCK form's update of a present key: in place where a value store cannot tear (so it
/// allocates nothing), by a new node where it can (so a lock-free reader never sees half of each value).
/// </summary>
public sealed class ClockLruUpdateSpec
{
    [Fact]
    public void Updating_present_keys_with_int_or_reference_values_allocates_nothing()
    {
        var ints = new ClockLruCache<int, int>(64);
        var strings = new ClockLruCache<int, string>(64);
        string[] values = Enumerable.Range(0, 64).Select(i => $"v{i}").ToArray();
        for (int i = 0; i < 64; i++)
        {
            ints.Set(i, i);
            strings.Set(i, values[i]);
        }

        long allocated = 0;
        for (int round = 0; round < 2; round++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 10_000; i++)
            {
                ints.Set(i & 63, i);
                ints.TryUpdate(i & 63, i + 1);
                strings.Set(i & 63, values[(i + 1) & 63]);
            }

            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        }

        Assert.Equal(0, allocated);
        Assert.True(ints.TryGet(9_999 & 63, out int last));
        Assert.Equal(10_000, last);
        Assert.True(strings.TryPeek(9_999 & 63, out string? text));
        Assert.Equal(values[10_000 & 63], text);
        Assert.True(ints.CheckInvariants().Holds);
    }

    [Fact]
    public async Task A_reader_never_sees_a_wide_struct_value_torn_while_it_is_updated()
    {
        var cache = new ClockLruCache<int, Pair>(4);
        cache.Set(1, new Pair(0, 0));
        using var stop = new CancellationTokenSource();
        long torn = 0;
        long reads = 0;
        using var reading = new ManualResetEventSlim();
        Task reader = Task.Run(() =>
        {
            reading.Set();
            while (!stop.IsCancellationRequested)
            {
                if (cache.TryGet(1, out Pair pair))
                {
                    reads++;
                    if (pair.First != pair.Second)
                    {
                        torn++;
                    }
                }
            }
        });

        reading.Wait();
        for (long i = 1; i <= 200_000; i++)
        {
            cache.Set(1, new Pair(i, i));
        }

        stop.Cancel();
        await reader;
        Assert.Equal(0, torn);
        Assert.True(reads > 0);
        Assert.True(cache.TryGet(1, out Pair final));
        Assert.Equal(new Pair(200_000, 200_000), final);
    }

    /// <summary>Sixteen bytes: no single store writes it, so it could tear if it were updated in place.</summary>
    private readonly record struct Pair(long First, long Second);
}
