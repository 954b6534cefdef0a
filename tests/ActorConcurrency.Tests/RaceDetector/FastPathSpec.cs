using ActorConcurrency.RaceDetector.Sync;
using ActorConcurrency.RaceDetector.Tracking;

namespace ActorConcurrency.Tests.RaceDetector;

/// <summary>FastTrack's promise: the common case (same-epoch accesses, and a tracked lock/unlock) allocates nothing.</summary>
public sealed class FastPathSpec
{
    [Fact]
    public void Same_epoch_reads_and_writes_and_tracked_lock_unlock_allocate_nothing()
    {
        var detector = new VectorClockDetector(RaceDetectorOptions.FastPath);
        using (detector.CreateRoot("main").Enter())
        {
            var x = new TrackedVariable<int>(detector, "x");
            var mu = new TrackedMutex(detector, "mu");
            Exercise(x, mu); // warm up: first-time growth of clocks and JIT

            long before = GC.GetAllocatedBytesForCurrentThread();
            Exercise(x, mu);
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.Equal(0, allocated);
        }
    }

    private static void Exercise(TrackedVariable<int> x, TrackedMutex mu)
    {
        for (int i = 0; i < 1_000; i++)
        {
            mu.Lock();
            x.Write(x.Read() + 1); // new epoch after Lock: the slow path, still without allocation
            mu.Unlock();
            for (int j = 0; j < 10; j++)
            {
                x.Write(x.Read() + 1); // same epoch: the fast path
            }
        }
    }
}
