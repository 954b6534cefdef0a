using ActorConcurrency.Demonstrations;
using ActorConcurrency.Host.Catalog;
using ActorConcurrency.RaceDetector.Sync;
using ActorConcurrency.RaceDetector.Tracking;
using Spectre.Console;

namespace ActorConcurrency.Host.Tasks;

/// <summary>
/// The race detector's part of task 11, as a self-contained section its demonstration calls: it runs a small
/// program under a <see cref="VectorClockDetector"/>, prints what the detector reported and returns whether the
/// detector said what the task predicts, with one line of evidence.
/// </summary>
internal static class RaceDetectorSections
{
    /// <summary>
    /// Task 11: publishing data through a plain bool flag is reported as a race (on the flag and on the
    /// data), even when the reader really did see both; the same program with an atomic flag is not.
    /// </summary>
    public static DemoOutcome PrintPublicationReport(DemoContext context)
    {
        (int plainSeen, VectorClockDetector plain) = RunPublication(atomicFlag: false);
        (int atomicSeen, VectorClockDetector atomic) = RunPublication(atomicFlag: true);

        context.Console.MarkupLine("[bold]Under the race detector:[/] data = 42, then ready = true; the reader waits (untracked) until the writer is done, then reads ready and data.");
        var table = new Table().Border(TableBorder.Rounded).AddColumns("flag", "data read", "races reported", "on variables");
        table.AddRow("plain bool", plainSeen.ToString(), DetectorTables.RaceCount(plain.RaceCount), Variables(plain));
        table.AddRow("atomic (Volatile / Interlocked)", atomicSeen.ToString(), DetectorTables.RaceCount(atomic.RaceCount, expectRace: false), Variables(atomic));
        context.Console.Write(table);
        DetectorTables.Print(context.Console, DetectorReport.Of(plain, preferVariable: "data"));

        bool held = plain.RaceCount > 0 && atomic.RaceCount == 0;
        return new DemoOutcome(
            held,
            $"detector: plain flag {plain.RaceCount} race(s) (on {Variables(plain)}) though data read {plainSeen}; atomic flag {atomic.RaceCount} race(s)");
    }

    internal static (int Seen, VectorClockDetector Detector) RunPublication(bool atomicFlag)
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

    private static string Variables(VectorClockDetector detector) =>
        detector.RaceCount == 0 ? "—" : string.Join(", ", detector.Races.Select(r => r.Variable).Distinct(StringComparer.Ordinal));
}
