using ActorConcurrency.RaceDetector.Sync;
using ActorConcurrency.RaceDetector.Tracking;
using static ActorConcurrency.Tests.RaceDetector.DetectorPrograms;

namespace ActorConcurrency.Tests.RaceDetector;

/// <summary>
/// sync.Cond (Wait releases and re-acquires its lock; a Signal or Broadcast happens before the Waits it
/// unblocks) and TryLock (a successful one acquires like Lock, a failed one creates no edge), each with a
/// racy and a race-free twin.
/// </summary>
public sealed class CondAndTryLockSpec
{
    /// <summary>
    /// The waiter holds the lock and waits; the signaller can take the lock only once Wait released it (so
    /// the waiter is parked), lets it go, and then writes and signals outside the lock: only the Signal edge
    /// can order the write before the waiter's read.
    /// </summary>
    private static VectorClockDetector SignalOutsideTheLock(bool writeBeforeSignal)
    {
        using var waiting = new ManualResetEventSlim(); // disposed after Run: every thread has finished
        return Run(d => SignalOutsideTheLock(d, waiting, writeBeforeSignal));
    }

    private static void SignalOutsideTheLock(VectorClockDetector d, ManualResetEventSlim waiting, bool writeBeforeSignal)
    {
        var data = new TrackedVariable<int>(d, "data");
        var mu = new TrackedMutex(d, "mu");
        var cond = new TrackedCond(d, mu, "cond");
        d.Go("waiter", () =>
        {
            mu.Lock();
            waiting.Set();
            cond.Wait();
            mu.Unlock();
            _ = data.Read();
        });
        waiting.Wait();
        mu.Lock(); // returns only after Wait released the lock
        mu.Unlock();
        if (writeBeforeSignal)
        {
            data.Write(1);
        }

        cond.Signal();
        if (!writeBeforeSignal)
        {
            data.Write(1);
        }
    }

    [Fact]
    public void Signal_happens_before_the_Wait_it_unblocks_returns()
    {
        Assert.Equal(0, SignalOutsideTheLock(writeBeforeSignal: true).RaceCount);
    }

    [Fact]
    public void A_write_after_the_Signal_races_with_the_woken_waiter()
    {
        // The write and the woken read really run in either order: a race either way.
        var race = Assert.Single(SignalOutsideTheLock(writeBeforeSignal: false).Races);
        Assert.Equal("data", race.Variable);
        Assert.Equal([AccessKind.Read, AccessKind.Write], new[] { race.Current.Kind, race.Previous.Kind }.Order());
    }

    [Fact]
    public void Wait_re_acquires_the_lock_so_writes_under_it_after_the_Signal_are_ordered()
    {
        foreach (bool underLock in new[] { true, false })
        {
            var d = Run(d =>
            {
                var data = new TrackedVariable<int>(d, "data");
                var ready = new TrackedVariable<bool>(d, "ready");
                var mu = new TrackedMutex(d, "mu");
                var cond = new TrackedCond(d, mu, "cond");
                d.Go("waiter", () =>
                {
                    mu.Lock();
                    while (!ready.Read())
                    {
                        cond.Wait();
                    }

                    mu.Unlock();
                    _ = data.Read();
                });
                mu.Lock();
                ready.Write(true);
                cond.Signal();
                if (underLock)
                {
                    data.Write(1); // still holding mu: the waiter's Wait re-locks only after the Unlock below
                }

                mu.Unlock();
                if (!underLock)
                {
                    data.Write(1);
                }
            });
            Assert.Equal(underLock ? 0 : 1, d.RaceCount);
        }
    }

    [Fact]
    public void Broadcast_wakes_every_waiter_and_happens_before_each()
    {
        int woken = 0;
        var d = Run(d =>
        {
            var data = new TrackedVariable<int>(d, "data");
            var go = new TrackedVariable<bool>(d, "go");
            var mu = new TrackedMutex(d, "mu");
            var cond = new TrackedCond(d, mu, "cond");
            var wg = new TrackedWaitGroup(d);
            var count = new TrackedAtomic<int>(d, "woken");
            wg.Add(3);
            for (int i = 0; i < 3; i++)
            {
                d.Go($"waiter-{i}", () =>
                {
                    mu.Lock();
                    while (!go.Read())
                    {
                        cond.Wait();
                    }

                    mu.Unlock();
                    _ = data.Read();
                    count.Add(1);
                    wg.Done();
                });
            }

            data.Write(42);
            mu.Lock();
            go.Write(true);
            cond.Broadcast();
            mu.Unlock();
            wg.Wait();
            woken = count.Load();
        });
        Assert.Equal(3, woken);
        Assert.Equal(0, d.RaceCount);
    }

    [Fact]
    public void Waiting_without_holding_the_lock_throws()
    {
        var detector = new VectorClockDetector(Options);
        Assert.Throws<SynchronizationLockException>(() => detector.Run("main", () =>
            new TrackedCond(detector, new TrackedMutex(detector, "mu")).Wait()));
    }

    [Fact]
    public void A_successful_TryLock_acquires_like_Lock()
    {
        var d = Run(d =>
        {
            var x = new TrackedVariable<int>(d, "x");
            var mu = new TrackedMutex(d, "mu");
            d.Go("writer", () =>
            {
                mu.Lock();
                x.Write(1);
                mu.Unlock();
            }).Join();
            Assert.True(mu.TryLock());
            _ = x.Read();
            mu.Unlock();
        });
        Assert.Equal(0, d.RaceCount);
    }

    [Fact]
    public void A_failed_TryLock_creates_no_edge()
    {
        using var locked = new ManualResetEventSlim();
        using var tried = new ManualResetEventSlim();
        var d = Run(d =>
        {
            var x = new TrackedVariable<int>(d, "x");
            var mu = new TrackedMutex(d, "mu");
            d.Go("holder", () =>
            {
                x.Write(1);
                mu.Lock();
                locked.Set();
                tried.Wait();
                mu.Unlock();
            });
            locked.Wait();
            Assert.False(mu.TryLock()); // held: says nothing about what the holder did
            tried.Set();
            _ = x.Read();
        });
        AssertSingleRace(d, "x", AccessKind.Read, AccessKind.Write);
    }

    [Fact]
    public void RwMutex_TryLock_and_TryRLock_fail_while_held_and_acquire_when_they_succeed()
    {
        using var locked = new ManualResetEventSlim();
        using var tried = new ManualResetEventSlim();
        var d = Run(d =>
        {
            var x = new TrackedVariable<int>(d, "x");
            var y = new TrackedVariable<int>(d, "y");
            var rw = new TrackedRwMutex(d, "rw");
            d.Go("writer", () =>
            {
                x.Write(1); // before Lock: a failed TryRLock/TryLock must not order it
                rw.Lock();
                y.Write(1);
                locked.Set();
                tried.Wait();
                rw.Unlock();
            });
            locked.Wait();
            Assert.False(rw.TryRLock());
            Assert.False(rw.TryLock());
            tried.Set();
            _ = x.Read(); // races: no edge yet
            SpinWait.SpinUntil(() => rw.TryRLock());
            _ = y.Read(); // ordered by the successful TryRLock after the Unlock
            rw.RUnlock();
            Assert.True(rw.TryLock());
            rw.Unlock();
        });
        AssertSingleRace(d, "x", AccessKind.Read, AccessKind.Write);
    }
}
