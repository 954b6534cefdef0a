using System.Reflection;
using ActorConcurrency.SharedState.Lru;

namespace ActorConcurrency.Tests.Lru;

/// <summary>
/// Task 13: what is specific to the CLOCK form — second chance instead of move-to-front, the recency it
/// gives up (and what that costs in hits), reads that never wait for the lock and allocate nothing.
/// </summary>
public sealed class ClockLruCacheSpec
{
    /// <summary>The cache's private lock, so a spec can hold it the way a long writer would.</summary>
    private static Lock LockOf(ClockLruCache<int, int> cache) =>
        (Lock)typeof(ClockLruCache<int, int>).GetField("_lock", BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(cache)!;

    [Fact]
    public void A_hit_gives_its_entry_a_second_chance_so_the_next_unreferenced_one_is_evicted()
    {
        var cache = new ClockLruCache<int, int>(3);
        cache.Set(1, 10);
        cache.Set(2, 20);
        cache.Set(3, 30);
        Assert.True(cache.TryGet(1, out _));

        Assert.True(cache.Set(4, 40));
        Assert.False(cache.Contains(2));
        Assert.Equal([3, 1, 4], cache.Keys()); // 1's bit was cleared by the sweep: it is now older than 4
    }

    /// <summary>
    /// The documented approximation: entries hit since the last sweep keep the order they were set in, not
    /// the order they were read in. The exact form evicts 3 here; the CLOCK form evicts 3 as well, but
    /// reports 1 as younger than 2 although 2 was read last.
    /// </summary>
    [Fact]
    public void Entries_hit_since_the_last_sweep_are_ordered_by_insertion_not_by_read()
    {
        var exact = new LruCache<int, int>(3);
        var clock = new ClockLruCache<int, int>(3);
        foreach (ILruCache<int, int> cache in new ILruCache<int, int>[] { exact, clock })
        {
            cache.Set(1, 1);
            cache.Set(2, 2);
            cache.Set(3, 3);
            cache.TryGet(2, out _);
            cache.TryGet(1, out _);
        }

        Assert.Equal([3, 2, 1], exact.Keys());
        Assert.Equal([3, 1, 2], clock.Keys());
        Assert.True(clock.TryGetOldest(out int oldest, out _));
        Assert.Equal(3, oldest);
    }

    [Fact]
    public void When_every_entry_is_referenced_the_sweep_clears_them_all_and_evicts_the_oldest_set()
    {
        var cache = new ClockLruCache<int, int>(3);
        for (int i = 1; i <= 3; i++)
        {
            cache.Set(i, i);
        }

        for (int i = 3; i >= 1; i--)
        {
            cache.TryGet(i, out _);
        }

        Assert.True(cache.Set(4, 4));
        Assert.False(cache.Contains(1));
        Assert.Equal([2, 3, 4], cache.Keys());
        Assert.True(cache.CheckInvariants().Holds);
    }

    /// <summary>
    /// The benchmark's workload (90% TryGet / 10% Set, Zipf(0.9) keys over ten times the capacity) replayed
    /// on one thread, with a miss loading its key: the CLOCK form's hit ratio is within 2 points of exact LRU's.
    /// </summary>
    [Fact]
    public void Its_hit_ratio_is_within_two_points_of_exact_lru_on_the_benchmark_workload()
    {
        const int capacity = 1_000;
        const int keys = 10 * capacity;
        var cumulative = new double[keys];
        double total = 0;
        for (int k = 0; k < keys; k++)
        {
            total += 1.0 / Math.Pow(k + 1, 0.9);
            cumulative[k] = total;
        }

        var exact = new LruCache<int, int>(capacity);
        var clock = new ClockLruCache<int, int>(capacity);
        var random = new Random(7);
        for (int i = 0; i < 200_000; i++)
        {
            int rank = Array.BinarySearch(cumulative, random.NextDouble() * total);
            int key = Math.Min(rank < 0 ? ~rank : rank, keys - 1);
            bool isSet = random.Next(10) == 0;
            foreach (ILruCache<int, int> cache in new ILruCache<int, int>[] { exact, clock })
            {
                if (isSet || !cache.TryGet(key, out _))
                {
                    cache.Set(key, key);
                }
            }
        }

        double gapPoints = 100 * (exact.Metrics.HitRatio - clock.Metrics.HitRatio);
        Assert.InRange(gapPoints, -2.0, 2.0);
    }

    [Fact]
    public void A_hit_and_a_miss_allocate_nothing()
    {
        var cache = new ClockLruCache<int, int>(64);
        for (int i = 0; i < 64; i++)
        {
            cache.Set(i, i);
        }

        long sum = 0;
        for (int warm = 0; warm < 2; warm++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 10_000; i++)
            {
                sum += cache.TryGet(i & 127, out int value) ? value : 0; // half hits, half misses
            }

            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            if (warm == 1)
            {
                Assert.Equal(0, allocated);
            }
        }

        int hitsPerRound = Enumerable.Range(0, 10_000).Count(i => (i & 127) < 64);
        Assert.True(sum > 0);
        Assert.Equal(new LruMetrics(2 * hitsPerRound, 2 * (10_000 - hitsPerRound), 0), cache.Metrics);
    }

    [Fact]
    public void Reads_complete_while_a_writer_holds_the_lock()
    {
        var cache = new ClockLruCache<int, int>(4);
        cache.Set(1, 10);
        cache.Set(2, 20);
        const int reads = 10_000;
        int hits = 0;
        Lock held = LockOf(cache);
        using var readerDone = new ManualResetEventSlim();
        bool readerFinishedWhileLockHeld = false;

        // One thread plays a writer stuck inside its critical section; a Lock must be released by the thread
        // that took it, so that thread starts the reader and waits for it.
        var writer = new Thread(() =>
        {
            held.Enter();
            try
            {
                var reader = new Thread(() =>
                {
                    for (int i = 0; i < reads; i++)
                    {
                        hits += cache.TryGet(1, out int value) && value == 10 ? 1 : 0;
                    }

                    readerDone.Set();
                });
                reader.Start();

                // A reader that waited for the lock would never finish while it is held; the bound turns that
                // bug into a failure instead of a hung run.
                readerFinishedWhileLockHeld = readerDone.Wait(TimeSpan.FromMinutes(2));
            }
            finally
            {
                held.Exit();
            }
        });
        writer.Start();
        writer.Join();

        Assert.True(readerFinishedWhileLockHeld, "TryGet waited for the lock");
        Assert.Equal(reads, hits);
        Assert.Equal([2, 1], cache.Keys()); // 1 was referenced by the reads
        Assert.True(cache.CheckInvariants().Holds);
    }
    /// <summary>Growing past what its table was sized for moves every entry to a new table: same keys, values, bits and order.</summary>
    [Fact]
    public void Growing_far_past_the_first_capacity_keeps_every_entry_its_value_and_its_order()
    {
        var cache = new ClockLruCache<int, int>(2);
        cache.Set(1, 10);
        cache.Set(2, 20);
        cache.TryGet(1, out _);
        Assert.Equal(0, cache.Resize(1_000));
        for (int i = 3; i <= 1_000; i++)
        {
            cache.Set(i, i * 10);
        }

        Assert.Equal(1_000, cache.Count);
        Assert.Equal(Enumerable.Range(2, 999).Append(1), cache.Keys()); // 1 is still referenced: evicted last
        Assert.All(Enumerable.Range(1, 1_000), k => Assert.True(cache.TryPeek(k, out int v) && v == k * 10));
        Assert.True(cache.CheckInvariants().Holds);
    }

    /// <summary>Every key in one bucket: removals from the head, the middle and the tail of a chain leave the rest findable.</summary>
    [Fact]
    public void Keys_that_all_collide_are_found_after_removals_anywhere_in_their_chain()
    {
        var cache = new ClockLruCache<int, int>(8, new OneBucketComparer());
        for (int i = 0; i < 8; i++)
        {
            cache.Set(i, i);
        }

        Assert.True(cache.Remove(0));
        Assert.True(cache.Remove(4));
        Assert.True(cache.Remove(7));
        Assert.True(cache.TryUpdate(5, 50));
        Assert.Equal([1, 2, 3, 6, 5], cache.Keys());
        Assert.All(new[] { 1, 2, 3, 6 }, k => Assert.True(cache.TryGet(k, out int v) && v == k));
        Assert.True(cache.TryGet(5, out int five) && five == 50);
        Assert.False(cache.Contains(4));
        Assert.True(cache.CheckInvariants().Holds);
    }

    /// <summary>
    /// Hits counted from many threads at once are all counted: the first threads own their cell, later ones
    /// (this test process runs far more than <see cref="StripedHitCounts.ExclusiveCells"/> threads over its
    /// life) share cells with interlocked increments.
    /// </summary>
    [Fact]
    public async Task Concurrent_hits_and_misses_are_all_counted()
    {
        const int threads = 8;
        const int lookups = 20_000;
        var cache = new ClockLruCache<int, int>(4);
        cache.Set(1, 1);
        using var start = new Barrier(threads);
        await Task.WhenAll(Enumerable.Range(0, threads).Select(_ => Task.Factory.StartNew(
            () =>
            {
                start.SignalAndWait();
                for (int i = 0; i < lookups; i++)
                {
                    cache.TryGet(i & 1, out _); // key 1 hits, key 0 misses
                }
            },
            TaskCreationOptions.LongRunning)));

        Assert.Equal(new LruMetrics(threads * lookups / 2, threads * lookups / 2, 0), cache.Metrics);
    }

    /// <summary>Equal as ints, but every key hashes alike.</summary>
    private sealed class OneBucketComparer : IEqualityComparer<int>
    {
        public bool Equals(int x, int y) => x == y;

        public int GetHashCode(int obj) => 42;
    }
}
