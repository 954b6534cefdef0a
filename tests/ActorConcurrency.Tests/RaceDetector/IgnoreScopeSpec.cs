using ActorConcurrency.RaceDetector.Sync;
using ActorConcurrency.RaceDetector.Tracking;
using static ActorConcurrency.Tests.RaceDetector.DetectorPrograms;

namespace ActorConcurrency.Tests.RaceDetector;

/// <summary>
/// Ignore scopes (Go's RaceDisable/RaceEnable): inside one, a thread's accesses are neither checked nor
/// remembered and its synchronisation creates no edge; Acquire/Release on an object put edges back.
/// </summary>
public sealed class IgnoreScopeSpec
{
    /// <summary>A statistics counter bumped without a lock by two workers (a benign race the program accepts), optionally ignored.</summary>
    private static VectorClockDetector BenignCounter(bool ignore) => Run(d =>
    {
        var hits = new TrackedVariable<int>(d, "hits");
        for (int i = 0; i < 2; i++)
        {
            d.Go($"worker-{i}", () =>
            {
                if (ignore)
                {
                    using (d.Ignore())
                    {
                        hits.Write(hits.Read() + 1);
                    }
                }
                else
                {
                    hits.Write(hits.Read() + 1);
                }
            });
        }
    });

    [Fact]
    public void Accesses_inside_an_ignore_scope_are_not_checked()
    {
        Assert.Equal(0, BenignCounter(ignore: true).RaceCount);
    }

    [Fact]
    public void The_same_accesses_outside_a_scope_race()
    {
        Assert.NotEqual(0, BenignCounter(ignore: false).RaceCount);
    }

    [Fact]
    public void Accesses_inside_a_scope_are_not_remembered_so_later_accesses_do_not_race_with_them()
    {
        using var written = new ManualResetEventSlim();
        var d = Run(d =>
        {
            var x = new TrackedVariable<int>(d, "x");
            d.Go("ignored-writer", () =>
            {
                using (d.Ignore())
                {
                    x.Write(1);
                    TrackedInterlocked.Write(x, 2); // atomic accesses are ignored too
                }

                written.Set();
            });
            written.Wait();
            _ = x.Read();
        });
        Assert.Equal(0, d.RaceCount);
    }

    [Fact]
    public void Synchronisation_inside_a_scope_creates_no_edge_unless_put_back_by_hand()
    {
        foreach (bool putBack in new[] { false, true })
        {
            using var unlocked = new ManualResetEventSlim();
            var d = Run(d =>
            {
                var x = new TrackedVariable<int>(d, "x");
                var mu = new TrackedMutex(d, "mu");
                d.Go("writer", () =>
                {
                    x.Write(1);
                    using (d.Ignore())
                    {
                        mu.Lock();
                        mu.Unlock(); // ignored: releases nothing
                    }

                    if (putBack)
                    {
                        d.SyncObjects.Release(d.CurrentThread(), mu); // Go's RaceRelease(&mu)
                    }

                    unlocked.Set();
                });
                d.Go("reader", () =>
                {
                    unlocked.Wait(); // untracked: the lock really is taken after the writer's unlock
                    mu.Lock();
                    if (putBack)
                    {
                        d.SyncObjects.Acquire(d.CurrentThread(), mu); // Go's RaceAcquire(&mu)
                    }

                    _ = x.Read();
                    mu.Unlock();
                });
            });
            Assert.Equal(putBack ? 0 : 1, d.RaceCount);
        }
    }

    [Fact]
    public void Scopes_nest_and_ending_one_that_was_not_begun_throws()
    {
        using var written = new ManualResetEventSlim();
        var d = Run(d =>
        {
            var x = new TrackedVariable<int>(d, "x");
            d.Go("writer", () =>
            {
                using (d.Ignore())
                {
                    using (d.Ignore())
                    {
                        x.Write(1);
                    }

                    x.Write(2); // still inside the outer scope
                }

                x.Write(3); // checked and remembered again
                written.Set();
            });
            written.Wait();
            _ = x.Read();
            IgnoreScope scope = d.Ignore();
            scope.Dispose();
            Assert.Throws<InvalidOperationException>(() => scope.Dispose());
        });
        AssertSingleRace(d, "x", AccessKind.Read, AccessKind.Write);
    }
}
