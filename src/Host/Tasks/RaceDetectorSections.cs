using ActorConcurrency.Host.Catalog;
using ActorConcurrency.RaceDetector.Reports;
using ActorConcurrency.RaceDetector.Sync;
using ActorConcurrency.RaceDetector.Tracking;
using Spectre.Console;

namespace ActorConcurrency.Host.Tasks;

/// <summary>
/// The race detector's part of tasks 1–4 and 11, as self-contained sections a task's demonstration calls:
/// each runs a small program under a <see cref="VectorClockDetector"/>, prints what the detector reported
/// and returns whether the detector said what the task predicts (a race where the task predicts one, none
/// where it predicts none), with one line of evidence.
/// </summary>
internal static class RaceDetectorSections
{
    /// <summary>
    /// Task 1: <c>counter++</c> from <c>--tasks</c> logical threads under the detector, twice: free-running,
    /// then serialised by an untracked semaphore so the total is exact. Both runs must report the race:
    /// happens-before does not care which interleaving happened.
    /// </summary>
    public static DemoOutcome PrintRacyCounterReport(DemoContext context)
    {
        int tasks = context.Get(RunOptions.Tasks);
        context.Console.MarkupLine($"[bold]Under the race detector[/] (happens-before, vector clocks): counter++ from {tasks} logical threads.");
        (int freeTotal, VectorClockDetector free) = RunRacyCounter(tasks, serialise: false);
        (int serialTotal, VectorClockDetector serial) = RunRacyCounter(tasks, serialise: true);

        var table = new Table().Border(TableBorder.Rounded)
            .AddColumns("run", "total", "expected", "distinct races (site pairs)", "racing access pairs seen");
        table.AddRow("free-running", freeTotal.ToString(), tasks.ToString(), Count(free.RaceCount), free.Detections.ToString());
        table.AddRow("serialised by an untracked semaphore", serialTotal.ToString(), tasks.ToString(), Count(serial.RaceCount), serial.Detections.ToString());
        context.Console.Write(table);
        PrintFirstReport(context, free);

        bool held = free.RaceCount > 0 && serial.RaceCount > 0;
        return new DemoOutcome(
            held,
            $"detector: {free.RaceCount} race(s) free-running (total {freeTotal}/{tasks}), {serial.RaceCount} with the total exact ({serialTotal}/{tasks})");
    }

    /// <summary>
    /// Tasks 2–4 rewritten with tracked primitives (atomic add, mutex, channel with one counting receiver):
    /// each reaches the total and the detector reports no race.
    /// </summary>
    public static DemoOutcome PrintTrackedCountersReport(DemoContext context)
    {
        int tasks = context.Get(RunOptions.Tasks);
        var rows = new List<(string Form, long Total, int Races)>
        {
            Run("atomic Add (TrackedAtomicInt64)", tasks, AtomicCounter),
            Run("mutex (TrackedMutex + tracked int)", tasks, MutexCounter),
            Run("channel (TrackedChannel, one counting receiver)", tasks, ChannelCounter),
        };

        var table = new Table().Border(TableBorder.Rounded).AddColumns("form, under the detector", "total", "expected", "races reported");
        foreach (var (form, total, races) in rows)
        {
            table.AddRow(Markup.Escape(form), total.ToString(), tasks.ToString(), Count(races, expectRace: false));
        }

        context.Console.Write(table);
        bool held = rows.All(r => r.Total == tasks && r.Races == 0);
        return new DemoOutcome(held, "detector: " + string.Join("; ", rows.Select(r => $"{r.Form.Split(' ')[0]} {r.Total}/{tasks}, {r.Races} race(s)")));
    }

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
        table.AddRow("plain bool", plainSeen.ToString(), Count(plain.RaceCount), Variables(plain));
        table.AddRow("atomic (Volatile / Interlocked)", atomicSeen.ToString(), Count(atomic.RaceCount, expectRace: false), Variables(atomic));
        context.Console.Write(table);
        PrintFirstReport(context, plain, preferVariable: "data");

        bool held = plain.RaceCount > 0 && atomic.RaceCount == 0;
        return new DemoOutcome(
            held,
            $"detector: plain flag {plain.RaceCount} race(s) (on {Variables(plain)}) though data read {plainSeen}; atomic flag {atomic.RaceCount} race(s)");
    }

    internal static (int Total, VectorClockDetector Detector) RunRacyCounter(int tasks, bool serialise)
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
        return (total, detector);
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

    private static (string, long, int) Run(string form, int tasks, Func<VectorClockDetector, int, long> program)
    {
        var detector = new VectorClockDetector(new RaceDetectorOptions { KeepAccessStacks = false, RecordEdges = false });
        long total = 0;
        detector.Run("main", () => total = program(detector, tasks));
        return (form, total, detector.RaceCount);
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

    private static void PrintFirstReport(DemoContext context, VectorClockDetector detector, string? preferVariable = null)
    {
        IReadOnlyList<RaceReport> races = detector.Races;
        RaceReport? shown = races.FirstOrDefault(r => r.Variable == preferVariable) ?? races.FirstOrDefault();
        if (shown is not null)
        {
            context.Console.MarkupLine($"[grey]One report ({races.Count} distinct in all):[/]");
            context.Console.WriteLine(shown.Format());
        }

        context.Console.MarkupLine($"[bold]{Markup.Escape(detector.Summary)}[/]");
    }

    private static string Variables(VectorClockDetector detector) =>
        detector.RaceCount == 0 ? "—" : string.Join(", ", detector.Races.Select(r => r.Variable).Distinct(StringComparer.Ordinal));

    private static string Count(int races, bool expectRace = true) =>
        (races > 0) == expectRace ? $"[green]{races}[/]" : $"[red]{races}[/]";
}
