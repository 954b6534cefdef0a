using ActorConcurrency.RaceDetector.Sync;
using ActorConcurrency.RaceDetector.Tracking;

namespace ActorConcurrency.Demonstrations.Counters;

/// <summary>
/// The race detector's part of tasks 1–4: the counters written with tracked variables and primitives, run under a
/// <see cref="VectorClockDetector"/>. Task 1's racy counter must be reported whatever the interleaving; tasks 2–4's
/// atomic, mutex and channel must reach the total with no race reported.
/// </summary>
public static class CounterDetection
{
    /// <summary>
    /// Task 1: <c>counter++</c> from <paramref name="tasks"/> logical threads, twice: free-running, then serialised by
    /// an untracked semaphore so the total is exact. Both runs must report the race: happens-before does not care
    /// which interleaving happened.
    /// </summary>
    public static RacyCounterDetection RacyCounter(int tasks)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(tasks, 1);
        (DetectorRun free, VectorClockDetector detector) = RunRacyCounter(tasks, serialise: false);
        (DetectorRun serial, _) = RunRacyCounter(tasks, serialise: true);
        return new RacyCounterDetection(tasks, free, serial, DetectorReport.Of(detector));
    }

    /// <summary>
    /// Tasks 2–4 written with tracked primitives (atomic add, mutex, channel with one counting receiver): each must
    /// reach the total with no race reported.
    /// </summary>
    public static TrackedCounterDetection TrackedCounters(int tasks)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(tasks, 1);
        return new TrackedCounterDetection(tasks,
        [
            RunTracked("atomic Add (TrackedAtomicInt64)", tasks, AtomicCounter),
            RunTracked("mutex (TrackedMutex + tracked int)", tasks, MutexCounter),
            RunTracked("channel (TrackedChannel, one counting receiver)", tasks, ChannelCounter),
        ]);
    }

    /// <summary>One run of the racy counter under a fresh detector: the total, and the detector that watched it.</summary>
    public static (DetectorRun Run, VectorClockDetector Detector) RunRacyCounter(int tasks, bool serialise)
    {
        var detector = new VectorClockDetector();
        int total = 0;
        using var oneAtATime = new SemaphoreSlim(1, 1); // untracked: real exclusion the detector does not see
        detector.Run("main", () =>
        {
            var counter = new TrackedVariable<int>(detector, "counter");
            var wg = new TrackedWaitGroup(detector, "wg");
            wg.Add(tasks);
            for (int i = 0; i < tasks; i++)
            {
                detector.Go($"worker-{i}", () =>
                {
                    if (serialise)
                    {
                        oneAtATime.Wait();
                    }

                    int seen = counter.Read();
                    counter.Write(seen + 1);
                    if (serialise)
                    {
                        oneAtATime.Release();
                    }

                    wg.Done();
                });
            }

            wg.Wait();
            total = counter.Read();
        });
        return (new DetectorRun(total, detector.RaceCount, detector.Detections), detector);
    }

    private static TrackedCounterRow RunTracked(string form, int tasks, Func<VectorClockDetector, int, long> program)
    {
        var detector = new VectorClockDetector(new RaceDetectorOptions { KeepAccessStacks = false, RecordEdges = false });
        long total = 0;
        detector.Run("main", () => total = program(detector, tasks));
        return new TrackedCounterRow(form, total, detector.RaceCount);
    }

    private static long AtomicCounter(VectorClockDetector detector, int tasks)
    {
        var counter = new TrackedAtomicInt64(detector, "counter");
        var wg = new TrackedWaitGroup(detector, "wg");
        wg.Add(tasks);
        for (int i = 0; i < tasks; i++)
        {
            detector.Go($"worker-{i}", () =>
            {
                counter.Add(1);
                wg.Done();
            });
        }

        wg.Wait();
        return counter.Load();
    }

    private static long MutexCounter(VectorClockDetector detector, int tasks)
    {
        var counter = new TrackedVariable<int>(detector, "counter");
        var mu = new TrackedMutex(detector, "mu");
        var wg = new TrackedWaitGroup(detector, "wg");
        wg.Add(tasks);
        for (int i = 0; i < tasks; i++)
        {
            detector.Go($"worker-{i}", () =>
            {
                mu.Lock();
                int seen = counter.Read();
                counter.Write(seen + 1);
                mu.Unlock();
                wg.Done();
            });
        }

        wg.Wait();
        return counter.Read();
    }

    private static long ChannelCounter(VectorClockDetector detector, int tasks)
    {
        // The receiver (main) owns the total; workers only send.
        var increments = new TrackedChannel<int>(detector, capacity: 64, name: "increments");
        var total = new TrackedVariable<int>(detector, "total");
        for (int i = 0; i < tasks; i++)
        {
            detector.Go($"worker-{i}", () => increments.Send(1));
        }

        for (int i = 0; i < tasks; i++)
        {
            int delta = increments.Receive();
            total.Write(total.Read() + delta);
        }

        return total.Read();
    }
}
