using ActorConcurrency.RaceDetector.Reports;
using ActorConcurrency.RaceDetector.Sync;
using ActorConcurrency.RaceDetector.Tracking;

namespace ActorConcurrency.Tests.RaceDetector;

// The detector's suite (RaceDetectorSpec.cs): wait groups, once, atomics.
public sealed partial class RaceDetectorSpec
{
    // ---- wait group, once, atomics ----

    [Fact]
    public void WaitGroup_orders_every_Done_before_Wait_returns()
    {
        var d = Run(d =>
        {
            var results = Enumerable.Range(0, 4).Select(i => new TrackedVariable<int>(d, $"result-{i}")).ToArray();
            var wg = new TrackedWaitGroup(d);
            wg.Add(results.Length);
            for (int i = 0; i < results.Length; i++)
            {
                int index = i;
                d.Go($"worker-{i}", () =>
                {
                    results[index].Write(index);
                    wg.Done();
                });
            }

            wg.Wait();
            Assert.Equal(6, results.Sum(r => r.Read()));
        });
        Assert.Equal(0, d.RaceCount);
    }

    [Fact]
    public void A_write_after_Done_races_with_the_waiter()
    {
        using var wroteAfterDone = new ManualResetEventSlim();
        var d = Run(d =>
        {
            var x = new TrackedVariable<int>(d, "x");
            var wg = new TrackedWaitGroup(d);
            wg.Add(1);
            d.Go("worker", () =>
            {
                wg.Done();
                x.Write(1); // the thread's exit is not an event: nothing orders this before main's read
                wroteAfterDone.Set();
            });
            wg.Wait();
            wroteAfterDone.Wait();
            _ = x.Read();
        });
        AssertRace(d, "x", AccessKind.Read, AccessKind.Write);
    }

    [Fact]
    public void Once_runs_the_initialiser_once_and_orders_it_before_every_Do()
    {
        int calls = 0;
        var d = Run(d =>
        {
            var instance = new TrackedVariable<string?>(d, "instance", null);
            var once = new TrackedOnce(d, "once");
            var wg = new TrackedWaitGroup(d);
            wg.Add(4);
            for (int i = 0; i < 4; i++)
            {
                d.Go($"user-{i}", () =>
                {
                    once.Do(() =>
                    {
                        Interlocked.Increment(ref calls);
                        instance.Write("ready");
                    });
                    Assert.Equal("ready", instance.Read());
                    wg.Done();
                });
            }

            wg.Wait();
        });
        Assert.Equal(1, calls);
        Assert.Equal(0, d.RaceCount);
    }

    [Fact]
    public void Publishing_through_an_atomic_flag_is_not_a_race()
    {
        Assert.Equal(0, RunFlagPublication(atomicFlag: true).RaceCount);
    }

    [Fact]
    public void Publishing_through_a_plain_flag_races_on_the_flag_and_the_data()
    {
        VectorClockDetector d = RunFlagPublication(atomicFlag: false);
        Assert.Equal(["data", "ready"], d.Races.Select(r => r.Variable).Order());
    }

    private static VectorClockDetector RunFlagPublication(bool atomicFlag)
    {
        using var published = new ManualResetEventSlim();
        return Run(d =>
        {
            var data = new TrackedVariable<int>(d, "data");
            var plain = new TrackedVariable<bool>(d, "ready");
            var atomic = new TrackedAtomic<bool>(d, "ready");
            d.Go("writer", () =>
            {
                data.Write(42);
                if (atomicFlag)
                {
                    atomic.Store(true);
                }
                else
                {
                    plain.Write(true);
                }

                published.Set();
            });
            d.Go("reader", () =>
            {
                published.Wait();
                Assert.True(atomicFlag ? atomic.Load() : plain.Read());
                Assert.Equal(42, data.Read());
            });
        });
    }

    [Fact]
    public void An_atomic_counter_has_no_race_and_no_lost_update()
    {
        long total = 0;
        var d = Run(d =>
        {
            var counter = new TrackedAtomicInt64(d, "counter");
            var wg = new TrackedWaitGroup(d);
            wg.Add(8);
            for (int i = 0; i < 8; i++)
            {
                d.Go($"worker-{i}", () =>
                {
                    for (int n = 0; n < 50; n++)
                    {
                        counter.Add(1);
                    }

                    wg.Done();
                });
            }

            wg.Wait();
            total = counter.Load();
        });
        Assert.Equal(400, total);
        Assert.Equal(0, d.RaceCount);
    }

    [Fact]
    public void A_compare_and_swap_spin_lock_protects_a_variable()
    {
        int total = 0;
        var d = Run(d =>
        {
            var x = new TrackedVariable<int>(d, "x");
            var held = new TrackedAtomicInt64(d, "held");
            var wg = new TrackedWaitGroup(d);
            wg.Add(4);
            for (int i = 0; i < 4; i++)
            {
                d.Go($"worker-{i}", () =>
                {
                    for (int n = 0; n < 20; n++)
                    {
                        while (!held.CompareAndSwap(0, 1))
                        {
                            Thread.Yield();
                        }

                        x.Write(x.Read() + 1);
                        held.Store(0);
                    }

                    wg.Done();
                });
            }

            wg.Wait();
            total = x.Read();
        });
        Assert.Equal(80, total);
        Assert.Equal(0, d.RaceCount);
    }
}
