using ActorConcurrency.RaceDetector.Reports;
using ActorConcurrency.RaceDetector.Sync;
using ActorConcurrency.RaceDetector.Tracking;

namespace ActorConcurrency.Tests.RaceDetector;

// The detector's suite (RaceDetectorSpec.cs): mutexes and read/write mutexes.
public sealed partial class RaceDetectorSpec
{
    // ---- mutexes ----

    [Fact]
    public void A_mutex_protected_counter_has_no_race_and_no_lost_update()
    {
        const int workers = 16;
        int total = 0;
        var d = Run(d =>
        {
            var counter = new TrackedVariable<int>(d, "counter");
            var mu = new TrackedMutex(d, "mu");
            var wg = new TrackedWaitGroup(d);
            wg.Add(workers);
            for (int i = 0; i < workers; i++)
            {
                d.Go($"worker-{i}", () =>
                {
                    for (int n = 0; n < 100; n++)
                    {
                        mu.Lock();
                        int seen = counter.Read();
                        Thread.Yield(); // widen the window: the mutex must really exclude
                        counter.Write(seen + 1);
                        mu.Unlock();
                    }

                    wg.Done();
                });
            }

            wg.Wait();
            total = counter.Read();
        });
        Assert.Equal(workers * 100, total);
        Assert.Equal(0, d.RaceCount);
    }

    [Fact]
    public void Two_different_mutexes_do_not_protect_one_variable()
    {
        var d = Run(d =>
        {
            var x = new TrackedVariable<int>(d, "x");
            var m1 = new TrackedMutex(d, "m1");
            var m2 = new TrackedMutex(d, "m2");
            d.Go("g1", () =>
            {
                m1.Lock();
                x.Write(1);
                m1.Unlock();
            });
            d.Go("g2", () =>
            {
                m2.Lock();
                x.Write(2);
                m2.Unlock();
            });
        });
        AssertRace(d, "x", AccessKind.Write, AccessKind.Write);
    }

    [Fact]
    public void A_thread_that_skips_the_lock_races_with_one_that_takes_it()
    {
        using var lockedWrite = new ManualResetEventSlim();
        var d = Run(d =>
        {
            var x = new TrackedVariable<int>(d, "x");
            var mu = new TrackedMutex(d, "mu");
            d.Go("careful", () =>
            {
                mu.Lock();
                x.Write(1);
                mu.Unlock();
                lockedWrite.Set();
            });
            d.Go("careless", () =>
            {
                lockedWrite.Wait();
                _ = x.Read();
            });
        });
        AssertRace(d, "x", AccessKind.Read, AccessKind.Write);
    }

    [Fact]
    public void RwMutex_readers_share_and_the_writer_is_ordered_with_them()
    {
        var d = Run(d =>
        {
            var x = new TrackedVariable<int>(d, "x");
            var rw = new TrackedRwMutex(d, "rw");
            var wg = new TrackedWaitGroup(d);
            wg.Add(5);
            for (int i = 0; i < 4; i++)
            {
                d.Go($"reader-{i}", () =>
                {
                    rw.RLock();
                    _ = x.Read();
                    rw.RUnlock();
                    wg.Done();
                });
            }

            d.Go("writer", () =>
            {
                rw.Lock();
                x.Write(x.Read() + 1);
                rw.Unlock();
                wg.Done();
            });
            wg.Wait();
        });
        Assert.Equal(0, d.RaceCount);
    }

    [Fact]
    public void Writing_under_a_read_lock_is_a_race()
    {
        using var bothLocked = new CountdownEvent(2);
        var d = Run(d =>
        {
            var x = new TrackedVariable<int>(d, "x");
            var rw = new TrackedRwMutex(d, "rw");
            for (int i = 0; i < 2; i++)
            {
                d.Go($"reader-{i}", () =>
                {
                    rw.RLock();
                    bothLocked.Signal();
                    bothLocked.Wait(); // both really hold the read lock at once
                    x.Write(1);
                    rw.RUnlock();
                });
            }
        });
        AssertRace(d, "x", AccessKind.Write, AccessKind.Write);
    }
}
