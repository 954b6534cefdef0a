using ActorConcurrency.SharedState.Lru;

namespace ActorConcurrency.Tests.Lru;

/// <summary>
/// Task 13, the CLOCK form's update of a present key: by a new node, published in one release store, so a
/// lock-free reader sees the whole old value or the whole new one, never half of each.
/// </summary>
public sealed class ClockLruUpdateSpec
{
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
