using ActorConcurrency.SharedState.Lru;

namespace ActorConcurrency.Tests.Lru;

/// <summary>
/// Task 13, the CLOCK form's update of a present key: a use, like a hit (the entry is marked and keeps its
/// place), stored in place where a value store cannot tear (so it allocates nothing), in a new node where it
/// can (so a lock-free reader never sees half of each value).
/// </summary>
public sealed class ClockLruUpdateSpec
{
    [Fact]
    public void A_set_of_a_present_key_marks_it_used_and_keeps_its_place()
    {
        var cache = new ClockLruCache<int, int>(3);
        cache.Set(1, 10);
        cache.Set(2, 20);
        cache.Set(3, 30);
        cache.Set(1, 11); // a use: 1 gets a second chance, 2 is now the first unreferenced entry from the back

        Assert.Equal([2, 3, 1], cache.Keys());
        Assert.True(cache.Set(4, 40));
        Assert.False(cache.Contains(2));
        Assert.True(cache.TryPeek(1, out int value));
        Assert.Equal(11, value);
        Assert.True(cache.CheckInvariants().Holds);
    }

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
