using ActorConcurrency.RaceDetector.Reports;
using ActorConcurrency.RaceDetector.Sync;
using ActorConcurrency.RaceDetector.Tracking;
using static ActorConcurrency.Tests.RaceDetector.DetectorPrograms;

namespace ActorConcurrency.Tests.RaceDetector;

/// <summary>
/// Plain and atomic accesses of one location (Go's rule, also race mode's <c>Interlocked.Increment(ref x)</c>
/// beside <c>x++</c>): atomic accesses never race with each other; an atomic and a plain access race unless
/// ordered, when at least one writes. Each program has a racy and a race-free twin.
/// </summary>
public sealed class MixedAccessSpec
{
    [Fact]
    public void An_atomic_store_and_a_plain_read_of_the_same_word_race()
    {
        using var stored = new ManualResetEventSlim();
        var d = Run(d =>
        {
            var x = new TrackedVariable<int>(d, "x");
            d.Go("storer", () =>
            {
                TrackedInterlocked.Write(x, 1);
                stored.Set();
            });
            d.Go("reader", () =>
            {
                stored.Wait();
                _ = x.Read();
            });
        });
        AssertSingleRace(d, "x", AccessKind.Read, AccessKind.AtomicWrite);
    }

    [Fact]
    public void An_atomic_store_and_an_atomic_load_of_the_same_word_do_not_race()
    {
        using var stored = new ManualResetEventSlim();
        var d = Run(d =>
        {
            var x = new TrackedVariable<int>(d, "x");
            d.Go("storer", () =>
            {
                TrackedInterlocked.Write(x, 1);
                stored.Set();
            });
            d.Go("reader", () =>
            {
                stored.Wait();
                Assert.Equal(1, TrackedInterlocked.Read(x));
            });
        });
        Assert.Equal(0, d.RaceCount);
    }

    [Fact]
    public void Interlocked_increment_beside_a_plain_increment_races()
    {
        using var incremented = new ManualResetEventSlim();
        var d = Run(d =>
        {
            var x = new TrackedVariable<int>(d, "x");
            d.Go("atomic", () =>
            {
                TrackedInterlocked.Increment(x);
                incremented.Set();
            });
            d.Go("plain", () =>
            {
                incremented.Wait();
                x.Write(x.Read() + 1);
            });
        });
        // The plain read and the plain write each race with the atomic write; on one line, they are one site pair.
        Assert.Equal(2, d.Detections);
        RaceReport race = Assert.Single(d.Races);
        Assert.Equal((AccessKind.Read, AccessKind.AtomicWrite), (race.Current.Kind, race.Previous.Kind));
    }

    [Fact]
    public void Interlocked_increments_only_do_not_race_and_lose_nothing()
    {
        int total = 0;
        var d = Run(d =>
        {
            var x = new TrackedVariable<int>(d, "x");
            var wg = new TrackedWaitGroup(d);
            wg.Add(4);
            for (int i = 0; i < 4; i++)
            {
                d.Go($"worker-{i}", () =>
                {
                    for (int n = 0; n < 25; n++)
                    {
                        TrackedInterlocked.Increment(x);
                    }

                    wg.Done();
                });
            }

            wg.Wait();
            total = x.Read(); // plain, after Wait: every increment happens before it
        });
        Assert.Equal(100, total);
        Assert.Equal(0, d.RaceCount);
    }

    [Fact]
    public void A_plain_write_races_with_an_unordered_atomic_load_but_not_with_an_ordered_one()
    {
        foreach (bool ordered in new[] { false, true })
        {
            using var written = new ManualResetEventSlim();
            var d = Run(d =>
            {
                var x = new TrackedVariable<int>(d, "x");
                var c = new TrackedChannel<int>(d, 1, "c");
                d.Go("writer", () =>
                {
                    x.Write(1);
                    c.Send(0);
                    written.Set();
                });
                d.Go("loader", () =>
                {
                    if (ordered)
                    {
                        c.Receive();
                    }
                    else
                    {
                        written.Wait();
                    }

                    _ = TrackedInterlocked.Read(x);
                });
            });
            if (ordered)
            {
                Assert.Equal(0, d.RaceCount);
            }
            else
            {
                AssertSingleRace(d, "x", AccessKind.AtomicRead, AccessKind.Write);
            }
        }
    }

    [Fact]
    public void A_plain_read_races_with_a_later_unordered_atomic_store()
    {
        using var read = new ManualResetEventSlim();
        var d = Run(d =>
        {
            var x = new TrackedVariable<int>(d, "x");
            d.Go("reader", () =>
            {
                _ = x.Read();
                read.Set();
            });
            d.Go("storer", () =>
            {
                read.Wait();
                TrackedInterlocked.Exchange(x, 2);
            });
        });
        AssertSingleRace(d, "x", AccessKind.AtomicWrite, AccessKind.Read);
    }

    [Fact]
    public void A_plain_write_then_an_atomic_store_publishes_to_an_atomic_load_then_a_plain_read()
    {
        foreach (bool loadFirst in new[] { true, false })
        {
            using var published = new ManualResetEventSlim();
            var d = Run(d =>
            {
                var x = new TrackedVariable<int>(d, "x");
                d.Go("publisher", () =>
                {
                    x.Write(1); // plain, then atomic on the same location by the same thread: program order
                    TrackedInterlocked.Write(x, 2);
                    published.Set();
                });
                d.Go("consumer", () =>
                {
                    published.Wait();
                    if (loadFirst)
                    {
                        Assert.Equal(2, TrackedInterlocked.Read(x)); // acquires the store
                    }

                    _ = x.Read();
                });
            });
            // Without the load, the plain read races with both the plain write and the atomic store before it.
            Assert.Equal(loadFirst ? 0 : 2, d.RaceCount);
        }
    }

    [Fact]
    public void A_failed_compare_exchange_is_a_load_and_does_not_race_with_a_plain_read()
    {
        using var failed = new ManualResetEventSlim();
        var d = Run(d =>
        {
            var x = new TrackedVariable<int>(d, "x", 5);
            d.Go("reader", () =>
            {
                failed.Wait();
                _ = x.Read();
            });
            d.Go("cas", () =>
            {
                Assert.Equal(5, TrackedInterlocked.CompareExchange(x, 9, comparand: 1));
                failed.Set();
            });
        });
        Assert.Equal(0, d.RaceCount);
    }

    [Fact]
    public void A_successful_compare_exchange_is_a_write_and_races_with_a_plain_read()
    {
        using var swapped = new ManualResetEventSlim();
        var d = Run(d =>
        {
            var x = new TrackedVariable<int>(d, "x", 5);
            d.Go("reader", () =>
            {
                swapped.Wait();
                _ = x.Read();
            });
            d.Go("cas", () =>
            {
                Assert.Equal(5, TrackedInterlocked.CompareExchange(x, 9, comparand: 5));
                swapped.Set();
            });
        });
        AssertSingleRace(d, "x", AccessKind.Read, AccessKind.AtomicWrite);
    }

    [Fact]
    public void An_atomic_race_report_says_atomic_write()
    {
        using var stored = new ManualResetEventSlim();
        var d = Run(d =>
        {
            var x = new TrackedVariable<int>(d, "x");
            d.Go("storer", () =>
            {
                TrackedInterlocked.Add(x, 3);
                stored.Set();
            });
            stored.Wait();
            _ = x.Read();
        });
        string text = Assert.Single(d.Races).Format();
        Assert.Contains("Read of 'x' by logical thread main", text);
        Assert.Contains("Previous atomic write of 'x' by logical thread storer", text);
    }
}
