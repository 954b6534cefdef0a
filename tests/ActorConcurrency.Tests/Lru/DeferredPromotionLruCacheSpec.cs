using System.Reflection;
using ActorConcurrency.SharedState.Lru;

namespace ActorConcurrency.Tests.Lru;

/// <summary>Task 13: what is specific to the low-contention form — reads that never wait for the lock, replayed promotions, and what it gives up.</summary>
public sealed class DeferredPromotionLruCacheSpec
{
    /// <summary>The cache's private lock, so a spec can hold it the way a long writer would.</summary>
    private static Lock LockOf(DeferredPromotionLruCache<int, int> cache) =>
        (Lock)typeof(DeferredPromotionLruCache<int, int>).GetField("_lock", BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(cache)!;

    [Fact]
    public void Reads_complete_while_a_writer_holds_the_lock_and_promotions_past_the_buffer_are_dropped()
    {
        var cache = new DeferredPromotionLruCache<int, int>(4);
        cache.Set(1, 10);
        cache.Set(2, 20);
        int reads = DeferredPromotionLruCache<int, int>.MaxPendingPromotions + 1000;
        int hits = 0;

        Lock held = LockOf(cache);
        using var readerDone = new ManualResetEventSlim();
        bool readerFinishedWhileLockHeld = false;

        // One thread plays a writer stuck inside its critical section: it holds the lock until the reader is
        // done (a Lock must be released by the thread that took it, so all of this runs on that one thread).
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

                // A reader that waited for the lock would never finish while it is held; the timeout only turns
                // that bug into a failure instead of a hung test run.
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
        Assert.Equal(reads - DeferredPromotionLruCache<int, int>.MaxPendingPromotions, cache.DroppedPromotions);
        Assert.Equal([1, 2], cache.RecencyOrder()); // the buffered promotions were replayed
        Assert.True(cache.CheckInvariants().Holds);
    }

    [Fact]
    public void A_buffered_promotion_of_a_replaced_entry_is_skipped()
    {
        var cache = new DeferredPromotionLruCache<int, int>(3);
        cache.Set(1, 10);
        cache.Set(2, 20);
        Assert.True(cache.TryGet(1, out _)); // promotion of the node holding 10 is buffered
        cache.Set(1, 11);                     // replaces that node (after replaying the buffer)
        Assert.True(cache.TryGet(2, out _));

        Assert.Equal([2, 1], cache.RecencyOrder());
        Assert.True(cache.TryGet(1, out int one));
        Assert.Equal(11, one);
        Assert.True(cache.CheckInvariants().Holds);
    }

    [Fact]
    public void A_buffered_promotion_of_a_removed_entry_is_skipped()
    {
        var cache = new DeferredPromotionLruCache<int, int>(3);
        cache.Set(1, 10);
        Assert.True(cache.TryGet(1, out _));
        Assert.True(cache.Remove(1));

        Assert.Empty(cache.RecencyOrder());
        Assert.True(cache.CheckInvariants().Holds);
    }

    [Fact]
    public void Used_by_one_thread_it_evicts_exactly_like_the_lock_form()
    {
        var exact = new LruCache<int, int>(16);
        var deferred = new DeferredPromotionLruCache<int, int>(16);
        var random = new Random(42);
        for (int i = 0; i < 20_000; i++)
        {
            int key = random.Next(48);
            bool isSet = random.Next(4) == 0;
            foreach (ILruCache<int, int> cache in new ILruCache<int, int>[] { exact, deferred })
            {
                if (isSet)
                {
                    cache.Set(key, i);
                }
                else
                {
                    cache.TryGet(key, out _);
                }
            }
        }

        Assert.Equal(exact.RecencyOrder(), deferred.RecencyOrder());
        Assert.Equal(0, deferred.DroppedPromotions);
    }
}
