using ActorConcurrency.RaceDetector.Sync;
using ActorConcurrency.RaceDetector.Tracking;

namespace ActorConcurrency.Demonstrations.MemoryModel;

/// <summary>
/// Task 11's detector section: data = 42, then ready = true; the reader waits (untracked) until the writer is done, then
/// reads ready and data. Publishing through a plain bool flag is a race however the run went; through an atomic flag it
/// is not.
/// </summary>
public static class PublicationUnderDetector
{
    /// <summary>Runs the publication with a plain flag, then with an atomic one.</summary>
    public static PublicationDetection Run()
    {
        (int plainSeen, VectorClockDetector plain) = RunOnce(atomicFlag: false);
        (int atomicSeen, VectorClockDetector atomic) = RunOnce(atomicFlag: true);
        return new PublicationDetection(Of(plainSeen, plain), Of(atomicSeen, atomic), DetectorReport.Of(plain, preferVariable: "data"));
    }

    /// <summary>One publication under a fresh detector: what the reader read, and the detector that watched it.</summary>
    public static (int Seen, VectorClockDetector Detector) RunOnce(bool atomicFlag)
    {
        var detector = new VectorClockDetector();
        int seen = -1;
        using var writerDone = new ManualResetEventSlim(); // untracked: the reader really runs after the writer
        detector.Run("main", () =>
        {
            var data = new TrackedVariable<int>(detector, "data");
            var plainReady = new TrackedVariable<bool>(detector, "ready");
            var atomicReady = new TrackedAtomic<bool>(detector, "ready");
            detector.Go("writer", () =>
            {
                data.Write(42);
                if (atomicFlag)
                {
                    atomicReady.Store(true);
                }
                else
                {
                    plainReady.Write(true);
                }

                writerDone.Set();
            });
            ForkedThread reader = detector.Go("reader", () =>
            {
                writerDone.Wait();
                bool ready = atomicFlag ? atomicReady.Load() : plainReady.Read();
                int value = ready ? data.Read() : -1;
                Volatile.Write(ref seen, value);
            });
            reader.Join();
        });
        return (seen, detector);
    }

    private static PublicationRun Of(int seen, VectorClockDetector detector) =>
        new(seen, detector.RaceCount, [.. detector.Races.Select(r => r.Variable).Distinct(StringComparer.Ordinal)]);
}
