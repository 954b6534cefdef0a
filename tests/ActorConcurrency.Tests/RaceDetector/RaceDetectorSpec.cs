using ActorConcurrency.RaceDetector.Reports;
using ActorConcurrency.RaceDetector.Sync;
using ActorConcurrency.RaceDetector.Tracking;

namespace ActorConcurrency.Tests.RaceDetector;

/// <summary>
/// The detector's suite of small programs, each racy or race-free, asserting a report or none. Where a
/// program needs a particular real-time order, an untracked gate forces it (the detector does not see it),
/// so each verdict is the same on every run: it comes from the synchronisation, not from the schedule.
/// </summary>
public sealed partial class RaceDetectorSpec
{
    private static VectorClockDetector Run(Action<VectorClockDetector> program, RaceDetectorOptions? options = null)
    {
        var detector = new VectorClockDetector(options ?? new RaceDetectorOptions { KeepAccessStacks = false });
        detector.Run("main", () => program(detector));
        return detector;
    }

    private static void AssertRace(VectorClockDetector detector, string variable, AccessKind current, AccessKind previous)
    {
        Assert.Contains(detector.Races, r => r.Variable == variable && r.Current.Kind == current && r.Previous.Kind == previous);
    }

    // ---- plain accesses ----

    [Fact]
    public void Unsynchronised_write_write_is_a_race()
    {
        var d = Run(d =>
        {
            var x = new TrackedVariable<int>(d, "x");
            d.Go("g1", () => x.Write(1));
            d.Go("g2", () => x.Write(2));
        });
        AssertRace(d, "x", AccessKind.Write, AccessKind.Write);
        Assert.Equal(1, d.RaceCount);
    }

    [Fact]
    public void Unsynchronised_write_then_read_is_a_race()
    {
        using var written = new ManualResetEventSlim();
        var d = Run(d =>
        {
            var x = new TrackedVariable<int>(d, "x");
            d.Go("writer", () =>
            {
                x.Write(1);
                written.Set();
            });
            d.Go("reader", () =>
            {
                written.Wait();
                _ = x.Read();
            });
        });
        AssertRace(d, "x", AccessKind.Read, AccessKind.Write);
    }

    [Fact]
    public void Unsynchronised_read_then_write_is_a_race()
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
            d.Go("writer", () =>
            {
                read.Wait();
                x.Write(1);
            });
        });
        AssertRace(d, "x", AccessKind.Write, AccessKind.Read);
    }

    [Fact]
    public void Concurrent_reads_are_not_a_race()
    {
        var d = Run(d =>
        {
            var x = new TrackedVariable<int>(d, "x", 7);
            x.Write(7);
            for (int i = 0; i < 4; i++)
            {
                d.Go($"reader-{i}", () => _ = x.Read());
            }
        });
        Assert.Equal(0, d.RaceCount);
    }

    [Fact]
    public void A_write_after_read_shared_reads_races_with_each_unordered_reader()
    {
        using var bothRead = new CountdownEvent(2);
        var d = Run(d =>
        {
            var x = new TrackedVariable<int>(d, "x");
            d.Go("r1", () =>
            {
                _ = x.Read();
                bothRead.Signal();
            });
            d.Go("r2", () =>
            {
                _ = x.Read();
                bothRead.Signal();
            });
            d.Go("writer", () =>
            {
                bothRead.Wait();
                x.Write(1);
            });
        });
        Assert.Equal(2, d.Detections);
        Assert.Equal(["r1", "r2"], d.Races.Select(r => r.Previous.ThreadName).Order());
    }

    [Fact]
    public void A_write_after_joining_every_reader_of_read_shared_data_is_not_a_race()
    {
        var d = Run(d =>
        {
            var x = new TrackedVariable<int>(d, "x");
            ForkedThread r1 = d.Go("r1", () => _ = x.Read());
            ForkedThread r2 = d.Go("r2", () => _ = x.Read());
            r1.Join();
            r2.Join();
            x.Write(1);
        });
        Assert.Equal(0, d.RaceCount);
    }

    [Fact]
    public void Accesses_of_one_thread_never_race()
    {
        var d = Run(d =>
        {
            var x = new TrackedVariable<int>(d, "x");
            for (int i = 0; i < 100; i++)
            {
                x.Write(x.Read() + 1);
            }
        });
        Assert.Equal(0, d.RaceCount);
    }

    // ---- fork and join ----

    [Fact]
    public void A_write_before_go_is_seen_by_the_new_thread_without_a_race()
    {
        var d = Run(d =>
        {
            var x = new TrackedVariable<int>(d, "x");
            x.Write(1);
            d.Go("child", () => _ = x.Read());
        });
        Assert.Equal(0, d.RaceCount);
    }

    [Fact]
    public void A_write_after_go_races_with_the_new_thread()
    {
        using var childRead = new ManualResetEventSlim();
        var d = Run(d =>
        {
            var x = new TrackedVariable<int>(d, "x");
            d.Go("child", () =>
            {
                _ = x.Read();
                childRead.Set();
            });
            childRead.Wait();
            x.Write(1);
        });
        AssertRace(d, "x", AccessKind.Write, AccessKind.Read);
    }

    [Fact]
    public void Join_orders_the_child_before_the_parent()
    {
        int seen = 0;
        var d = Run(d =>
        {
            var x = new TrackedVariable<int>(d, "x");
            ForkedThread child = d.Go("child", () => x.Write(42));
            child.Join();
            seen = x.Read();
        });
        Assert.Equal(42, seen);
        Assert.Equal(0, d.RaceCount);
    }

    [Fact]
    public void A_race_hidden_behind_a_correct_result_is_still_reported()
    {
        // The parent really reads 42 (an untracked event waits for the child), but nothing the model
        // knows orders the write before the read.
        int seen = 0;
        using var written = new ManualResetEventSlim();
        var d = Run(d =>
        {
            var x = new TrackedVariable<int>(d, "x");
            d.Go("child", () =>
            {
                x.Write(42);
                written.Set();
            });
            written.Wait();
            seen = x.Read();
        });
        Assert.Equal(42, seen);
        AssertRace(d, "x", AccessKind.Read, AccessKind.Write);
    }

    [Fact]
    public void A_racy_counter_that_reaches_its_total_is_still_reported()
    {
        const int workers = 8;
        using var oneAtATime = new SemaphoreSlim(1, 1); // untracked: the total comes out exact
        int total = 0;
        var d = Run(d =>
        {
            var counter = new TrackedVariable<int>(d, "counter");
            var wg = new TrackedWaitGroup(d);
            wg.Add(workers);
            for (int i = 0; i < workers; i++)
            {
                d.Go($"worker-{i}", () =>
                {
                    oneAtATime.Wait();
                    int seen = counter.Read();
                    counter.Write(seen + 1);
                    oneAtATime.Release();
                    wg.Done();
                });
            }

            wg.Wait();
            total = counter.Read();
        });
        Assert.Equal(workers, total);
        Assert.True(d.RaceCount > 0);
    }

    [Fact]
    public void A_race_on_one_path_is_reported_when_that_path_runs()
    {
        Assert.Equal(1, RunOnePathProgram(takeSharedPath: true).RaceCount);
    }

    [Fact]
    public void A_race_on_one_path_is_not_reported_when_only_the_other_path_runs()
    {
        Assert.Equal(0, RunOnePathProgram(takeSharedPath: false).RaceCount);
    }

    private static VectorClockDetector RunOnePathProgram(bool takeSharedPath) => Run(d =>
    {
        var shared = new TrackedVariable<int>(d, "shared");
        for (int i = 0; i < 2; i++)
        {
            var local = new TrackedVariable<int>(d, $"local-{i}");
            d.Go($"g{i}", () =>
            {
                if (takeSharedPath)
                {
                    shared.Write(1); // the racy path: both threads write the shared variable
                }
                else
                {
                    local.Write(1);
                }
            });
        }
    });
}
