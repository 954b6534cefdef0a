using System.Runtime.CompilerServices;
using ActorConcurrency.RaceDetector.Tracking;
using ActorConcurrency.Tests.Support;
using static ActorConcurrency.Tests.RaceDetector.DetectorPrograms;

namespace ActorConcurrency.Tests.RaceDetector;

/// <summary>
/// The core API race mode feeds: raw locations of real objects' fields and array elements
/// (<see cref="LocationTable"/>), keyed by identity and held weakly, and acquire/release on any object
/// (<see cref="SyncObjectTable"/>, Go's RaceAcquire/RaceRelease/RaceReleaseMerge).
/// </summary>
public sealed class RawLocationSpec
{
    /// <summary>Objects that outlive every detector of this spec, as a static or a singleton does.</summary>
    private static readonly (object Gate, Point Point, int[] Items) s_longLived = (new object(), new Point(), new int[4]);

    private sealed class Point
    {
        public int X;
        public int Y;
    }

    [Fact]
    public void A_field_of_one_object_is_one_location_and_other_fields_and_objects_are_others()
    {
        var d = new VectorClockDetector();
        var p = new Point();
        var q = new Point();
        ShadowLocation px = d.Locations.Field(p, 0, "Point.X");
        Assert.Same(px, d.Locations.Field(p, 0, "ignored: the location exists"));
        Assert.NotSame(px, d.Locations.Field(p, 1, "Point.Y"));
        Assert.NotSame(px, d.Locations.Field(q, 0, "Point.X"));
        Assert.Equal("Point.X", px.Name);
        int[] a = new int[3];
        Assert.Equal("a[2]", d.Locations.Element(a, 2, "a").Name);
        Assert.Same(d.Locations.Element(a, 2, "a"), d.Locations.Element(a, 2, "a"));
        Assert.Same(d.Locations.Static(4, "S.f"), d.Locations.Static(4, "S.f"));
        Assert.Throws<ArgumentOutOfRangeException>("index", () => d.Locations.Element(a, 3, "a"));
        Assert.Throws<ArgumentOutOfRangeException>("fieldId", () => d.Locations.Field(p, -1, "bad"));
    }

    [Fact]
    public void Two_threads_writing_different_fields_of_one_object_do_not_race_but_one_field_does()
    {
        var p = new Point();
        var d = Run(d =>
        {
            d.Go("x-writer", () => WriteField(d, p, 0, "Point.X", () => p.X = 1));
            d.Go("y-writer", () => WriteField(d, p, 1, "Point.Y", () => p.Y = 1));
            d.Go("y-writer-2", () => WriteField(d, p, 1, "Point.Y", () => p.Y = 2));
        });
        AssertSingleRace(d, "Point.Y", AccessKind.Write, AccessKind.Write);
    }

    [Fact]
    public void Interlocked_on_a_raw_field_beside_a_plain_read_races_unless_ordered_through_a_sync_object()
    {
        foreach (bool ordered in new[] { false, true })
        {
            var p = new Point();
            object gate = new();
            using var done = new ManualResetEventSlim();
            var d = Run(d =>
            {
                d.Go("incrementer", () =>
                {
                    LogicalThread thread = d.CurrentThread();
                    using (AtomicScope atomic = d.Locations.Field(p, 0, "Point.X").EnterAtomic(thread, "inc", "Program.cs", 1))
                    {
                        Interlocked.Increment(ref p.X);
                        atomic.ReadModifyWrite();
                    }

                    if (ordered)
                    {
                        d.SyncObjects.Release(thread, gate); // as race mode does at Monitor.Exit
                    }

                    done.Set();
                });
                done.Wait();
                LogicalThread main = d.CurrentThread();
                if (ordered)
                {
                    d.SyncObjects.Acquire(main, gate); // Monitor.Enter
                }

                d.Locations.Field(p, 0, "Point.X").Read(main, "read", "Program.cs", 2);
                Assert.Equal(1, p.X);
            });
            Assert.Equal(ordered ? 0 : 1, d.RaceCount);
        }
    }

    [Fact]
    public void Release_replaces_and_ReleaseMerge_adds_to_what_an_object_carries()
    {
        foreach (bool merge in new[] { false, true })
        {
            object sync = new();
            using var firstReleased = new ManualResetEventSlim();
            using var bothReleased = new CountdownEvent(2);
            var d = Run(d =>
            {
                var x = new TrackedVariable<int>(d, "x");
                var y = new TrackedVariable<int>(d, "y");
                void Release(LogicalThread t)
                {
                    if (merge)
                    {
                        d.SyncObjects.ReleaseMerge(t, sync);
                    }
                    else
                    {
                        d.SyncObjects.Release(t, sync);
                    }
                }

                d.Go("first", () =>
                {
                    x.Write(1);
                    Release(d.CurrentThread());
                    firstReleased.Set();
                    bothReleased.Signal();
                });
                d.Go("second", () =>
                {
                    firstReleased.Wait(); // untracked: the second release really comes last
                    y.Write(1);
                    Release(d.CurrentThread());
                    bothReleased.Signal();
                });
                bothReleased.Wait();
                d.SyncObjects.Acquire(d.CurrentThread(), sync);
                _ = y.Read();
                _ = x.Read();
            });

            // A replacing release keeps only the last releaser's knowledge: the first one's write races.
            Assert.Equal(merge ? 0 : 1, d.RaceCount);
        }
    }

    [Fact]
    public void Shadow_state_does_not_keep_an_object_alive()
    {
        var d = new VectorClockDetector(RaceDetectorOptions.FastPath);
        WeakReference weak = TouchAndForget(d);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        Assert.False(weak.IsAlive);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void An_object_that_outlives_its_detector_does_not_keep_the_detector_alive(bool fastPath)
    {
        WeakReference detector = TouchLongLivedAndForget(fastPath ? RaceDetectorOptions.FastPath : new RaceDetectorOptions());

        Assert.True(Collected.Is(detector), "the detector is still reachable from the shadow of an object that outlived it");
    }

    [Fact]
    public void Raw_location_lookups_accesses_and_sync_object_edges_allocate_nothing()
    {
        var d = new VectorClockDetector(RaceDetectorOptions.FastPath);
        using (d.CreateRoot("main").Enter())
        {
            var p = new Point();
            int[] a = new int[8];
            object gate = new();
            Exercise(d, p, a, gate); // warm up
            long before = GC.GetAllocatedBytesForCurrentThread();
            Exercise(d, p, a, gate);
            Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        }
    }

    private static void Exercise(VectorClockDetector d, Point p, int[] a, object gate)
    {
        LogicalThread thread = d.CurrentThread();
        for (int i = 0; i < 100; i++)
        {
            d.SyncObjects.Acquire(thread, gate);
            d.Locations.Field(p, 0, "Point.X").Write(thread, "m", "f", 1);
            d.Locations.Element(a, i % 8, "a").Read(thread, "m", "f", 2);
            using (AtomicScope atomic = d.Locations.Field(p, 1, "Point.Y").EnterAtomic(thread, "m", "f", 3))
            {
                Interlocked.Increment(ref p.Y);
                atomic.ReadModifyWrite();
            }

            d.SyncObjects.Release(thread, gate);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference TouchLongLivedAndForget(RaceDetectorOptions options)
    {
        var d = new VectorClockDetector(options);
        using (d.CreateRoot("main").Enter())
        {
            LogicalThread main = d.CurrentThread();
            d.SyncObjects.Acquire(main, s_longLived.Gate);
            d.Locations.Field(s_longLived.Point, 0, "Point.X").Write(main, "m", "f", 1);
            d.Locations.Element(s_longLived.Items, 1, "items").Read(main, "m", "f", 2);
            using (AtomicScope atomic = d.Locations.Field(s_longLived.Point, 1, "Point.Y").EnterAtomic(main, "m", "f", 3))
            {
                Interlocked.Increment(ref s_longLived.Point.Y);
                atomic.ReadModifyWrite();
            }

            d.SyncObjects.ReleaseMerge(main, s_longLived.Gate);
        }

        return new WeakReference(d);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference TouchAndForget(VectorClockDetector d)
    {
        var p = new Point();
        using (d.CreateRoot("main").Enter())
        {
            d.Locations.Field(p, 0, "Point.X").Write(d.CurrentThread(), "m", "f", 1);
            d.SyncObjects.ReleaseMerge(d.CurrentThread(), p);
        }

        return new WeakReference(p);
    }

    private static void WriteField(VectorClockDetector d, Point p, int id, string name, Action write)
    {
        d.Locations.Field(p, id, name).Write(d.CurrentThread(), "write", "Program.cs", id);
        write();
    }
}
