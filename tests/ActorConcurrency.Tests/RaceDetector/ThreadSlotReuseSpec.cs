using ActorConcurrency.RaceDetector.Tracking;

namespace ActorConcurrency.Tests.RaceDetector;

/// <summary>
/// Reusing a retired logical thread's id (<see cref="VectorClockDetector.Retire"/>): a fork takes it over only when
/// its parent knows everything the retired thread did, and the sharing never hides a race nor invents one. Each
/// program runs its logical threads one after another on the test's thread, so its order is fixed.
/// </summary>
public sealed class ThreadSlotReuseSpec
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_fork_takes_over_a_retired_id_only_after_joining_its_thread(bool joined)
    {
        var d = new VectorClockDetector(RaceDetectorOptions.FastPath);
        var cell = new ShadowLocation(d, "cell");
        LogicalThread main = d.CreateRoot("main");
        using (main.Enter())
        {
            (LogicalThread first, object end) = WriteAndEnd(d, main, cell, "first");
            if (joined)
            {
                d.SyncObjects.Acquire(main, end);
            }

            LogicalThread second = d.SpawnFrom(main, "second");
            using (second.Enter())
            {
                cell.Write(second, "second", "second.cs", 2);
            }

            Assert.Equal(joined, second.Id == first.Id);
            Assert.Equal(joined ? 0 : 1, d.RaceCount);
        }
    }

    [Fact]
    public void The_new_thread_on_a_reused_id_is_unknown_to_threads_that_knew_the_old_one()
    {
        var d = new VectorClockDetector(RaceDetectorOptions.FastPath);
        var cell = new ShadowLocation(d, "cell");
        LogicalThread main = d.CreateRoot("main");
        using (main.Enter())
        {
            (LogicalThread first, object end) = WriteAndEnd(d, main, cell, "first");
            d.SyncObjects.Acquire(main, end);
            LogicalThread reuser = d.SpawnFrom(main, "reuser");
            LogicalThread other = d.SpawnFrom(main, "other");
            Assert.Equal(first.Id, reuser.Id);
            Assert.NotEqual(first.Id, other.Id);
            using (reuser.Enter())
            {
                cell.Write(reuser, "reuser", "reuser.cs", 3);
            }

            // other knows all of first (through main's join) but nothing of reuser: their writes race.
            using (other.Enter())
            {
                cell.Write(other, "other", "other.cs", 4);
            }

            Assert.Equal(1, d.RaceCount);
        }
    }

    [Fact]
    public void Joined_threads_in_sequence_keep_the_clocks_as_small_as_the_live_threads()
    {
        var d = new VectorClockDetector(RaceDetectorOptions.FastPath);
        var cell = new ShadowLocation(d, "cell");
        LogicalThread main = d.CreateRoot("main");
        using (main.Enter())
        {
            for (int i = 0; i < 100; i++)
            {
                (_, object end) = WriteAndEnd(d, main, cell, $"task {i}");
                d.SyncObjects.Acquire(main, end);
            }

            cell.Write(main, "main", "main.cs", 5);
        }

        Assert.Equal(0, d.RaceCount);
        Assert.Equal(2, d.Threads.Count);
    }

    /// <summary>Forks a thread that writes <paramref name="cell"/>, releases its end, and retires.</summary>
    private static (LogicalThread Thread, object End) WriteAndEnd(VectorClockDetector d, LogicalThread parent, ShadowLocation cell, string name)
    {
        LogicalThread thread = d.SpawnFrom(parent, name);
        object end = new();
        int last;
        using (thread.Enter())
        {
            cell.Write(thread, name, $"{name}.cs", 1);
            last = thread.Now;
            d.SyncObjects.ReleaseMerge(thread, end);
        }

        d.Retire(thread, last);
        return (thread, end);
    }
}
