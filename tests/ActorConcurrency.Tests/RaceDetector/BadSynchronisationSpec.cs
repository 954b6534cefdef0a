using System.Threading.Channels;
using ActorConcurrency.RaceDetector.Sync;
using ActorConcurrency.RaceDetector.Tracking;

namespace ActorConcurrency.Tests.RaceDetector;

/// <summary>Misuse of the tracked primitives fails loudly, like the Go runtime's panics, and leaves no hang behind.</summary>
public sealed class BadSynchronisationSpec
{
    private static readonly RaceDetectorOptions Quick = new() { KeepAccessStacks = false, RunTimeout = TimeSpan.FromSeconds(30) };

    private static TException Throws<TException>(Action<VectorClockDetector> program)
        where TException : Exception
    {
        var detector = new VectorClockDetector(Quick);
        return Assert.Throws<TException>(() => detector.Run("main", () => program(detector)));
    }

    [Fact]
    public void Unlocking_a_mutex_that_is_not_locked_throws()
    {
        var ex = Throws<SynchronizationLockException>(d => new TrackedMutex(d, "mu").Unlock());
        Assert.Contains("unlock of unlocked mutex", ex.Message);
    }

    [Fact]
    public void Unlocking_a_mutex_twice_throws()
    {
        Throws<SynchronizationLockException>(d =>
        {
            var mu = new TrackedMutex(d);
            mu.Lock();
            mu.Unlock();
            mu.Unlock();
        });
    }

    [Fact]
    public void RUnlock_without_RLock_and_Unlock_without_Lock_throw()
    {
        Throws<SynchronizationLockException>(d => new TrackedRwMutex(d).RUnlock());
        Throws<SynchronizationLockException>(d => new TrackedRwMutex(d).Unlock());
    }

    [Fact]
    public void Sending_on_a_closed_channel_throws()
    {
        var ex = Throws<ChannelClosedException>(d =>
        {
            var c = new TrackedChannel<int>(d, 1, "c");
            c.Close();
            c.Send(1);
        });
        Assert.Contains("send on closed channel", ex.Message);
    }

    [Fact]
    public void Closing_a_channel_twice_throws()
    {
        var ex = Throws<ChannelClosedException>(d =>
        {
            var c = new TrackedChannel<int>(d);
            c.Close();
            c.Close();
        });
        Assert.Contains("close of closed channel", ex.Message);
    }

    [Fact]
    public void A_negative_capacity_is_rejected_with_its_parameter_name()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new TrackedChannel<int>(new VectorClockDetector(), -1));
        Assert.Equal("capacity", ex.ParamName);
    }

    [Fact]
    public void A_negative_wait_group_counter_throws_and_leaves_the_counter_unchanged()
    {
        var detector = new VectorClockDetector(Quick);
        detector.Run("main", () =>
        {
            var wg = new TrackedWaitGroup(detector);
            wg.Add(1);
            wg.Done();
            var ex = Assert.Throws<InvalidOperationException>(() => wg.Done());
            Assert.Contains("negative WaitGroup counter", ex.Message);
            wg.Wait(); // still zero: returns at once
        });
    }

    [Fact]
    public void Once_Do_from_inside_its_own_function_throws_instead_of_deadlocking()
    {
        Throws<InvalidOperationException>(d =>
        {
            var once = new TrackedOnce(d);
            once.Do(() => once.Do(() => { }));
        });
    }

    [Fact]
    public void A_tracked_access_outside_a_logical_thread_throws()
    {
        var x = new TrackedVariable<int>(new VectorClockDetector(), "x");
        Assert.Throws<InvalidOperationException>(() => x.Read());
    }

    [Fact]
    public void A_tracked_access_on_a_logical_thread_of_another_detector_throws()
    {
        var x = new TrackedVariable<int>(new VectorClockDetector(), "x");
        var other = new VectorClockDetector(Quick);
        Assert.Throws<InvalidOperationException>(() => other.Run("main", () => x.Write(1)));
    }

    [Fact]
    public void A_failing_logical_thread_fails_Run()
    {
        var ex = Throws<AggregateException>(d => d.Go("bad", () => new TrackedMutex(d).Unlock()));
        Assert.IsType<SynchronizationLockException>(Assert.Single(ex.InnerExceptions));
    }

    [Fact]
    public void A_deadlocked_program_fails_Run_with_the_blocked_thread_named()
    {
        var detector = new VectorClockDetector(new RaceDetectorOptions { RunTimeout = TimeSpan.FromMilliseconds(200) });
        TrackedChannel<int>? never = null;
        var ex = Assert.Throws<TimeoutException>(() => detector.Run("main", () =>
        {
            never = new TrackedChannel<int>(detector, 0, "never");
            detector.Go("stuck", () => never.Receive());
        }));
        Assert.Contains("stuck", ex.Message);

        // Release the blocked thread so it does not outlive the test.
        using (detector.CreateRoot("cleanup").Enter())
        {
            never!.Close();
        }
    }

    [Fact]
    public void Entering_a_logical_thread_that_is_already_running_throws()
    {
        var detector = new VectorClockDetector();
        LogicalThread root = detector.CreateRoot("root");
        using (root.Enter())
        {
            Assert.Throws<InvalidOperationException>(() => Task.Run(() => root.Enter()).GetAwaiter().GetResult());
        }
    }
}
