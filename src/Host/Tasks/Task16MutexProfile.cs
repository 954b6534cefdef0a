using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using ActorConcurrency.Actors.Profiling;
using ActorConcurrency.Host.Catalog;
using ActorConcurrency.SharedState.Profiling;
using Akka.Actor;
using Spectre.Console;

namespace ActorConcurrency.Host.Tasks;

/// <summary>
/// Task 16: the mutex profile. Runs the worker pool with one lock-protected statistics structure under the
/// in-process <see cref="ContentionProfiler"/> and prints the locks ranked by wait, then the refactored
/// pool (per-worker statistics merged at the end) and its table, then the actor form (a router pool
/// reporting to a statistics actor). <c>profile</c> runs the same with its own options.
/// </summary>
internal sealed class Task16MutexProfile : CatalogTask
{
    /// <summary>How long each pool runs under load.</summary>
    public static readonly TaskOption<double> Seconds = new(
        "--seconds", "How long each pool runs under load, in seconds", 1.0, v => v is > 0 and <= 3600 ? null : "must be above 0 and at most 3600");

    /// <summary>How many workers each pool has.</summary>
    public static readonly TaskOption<int> Workers = new(
        "--workers", "How many workers each pool has", 8, v => v is >= 1 and <= 1024 ? null : "must be from 1 to 1024");

    /// <summary>Rows of a ranked table; the rest are summed in one line.</summary>
    private const int TopRows = 8;

    private static readonly TimeSpan FlushTimeout = TimeSpan.FromSeconds(10);

    public override TaskInfo Info { get; } = new(
        16,
        "Mutex profile",
        "mutex contention profile",
        "Profiling",
        SharedStateTypes: ["WorkerPool", "JobStats", "NamedLock", "ContentionProfiler"],
        ActorTypes: ["WorkerRouterPool", "WorkerActor", "StatsActor"],
        Specs: ["ContentionProfilerSpec", "WorkerPoolSpec", "StatsActorSpec"],
        Benchmark: "");

    public override IReadOnlyList<Option> Options => [Seconds.Option, Workers.Option];

    public override async Task<Demonstrations.IDemonstrationResult> RunAsync(DemoContext context) => await ProfileAsync(context);

    /// <summary>The whole experiment, for <c>run 16</c> and <c>profile</c>.</summary>
    public static async Task<DemoOutcome> ProfileAsync(DemoContext context)
    {
        TimeSpan duration = TimeSpan.FromSeconds(context.Get(Seconds));
        int workers = context.Get(Workers);
        context.Console.MarkupLine(
            $"{workers} workers, {duration.TotalSeconds:0.##} s per pool; contention captured in process from the runtime's " +
            $"[bold]{RuntimeContention}[/] events and Monitor.LockContentionCount.");

        var shared = await ProfilePoolAsync(context, "Before: one stats lock taken by every job", StatsMode.SharedLock, workers, duration);
        var perWorker = await ProfilePoolAsync(context, "After: per-worker stats, merged once per worker", StatsMode.PerWorker, workers, duration);
        var actor = await ProfileActorPoolAsync(context, workers, duration);

        PrintComparison(context, shared, perWorker);
        ContentionReport before = shared.Report, after = perWorker.Report;
        LockContention statsBefore = before.For(shared.LockName), statsAfter = after.For(perWorker.LockName);
        string conclusion = Conclusion(before, after, shared.JobsPerSecond, perWorker.JobsPerSecond);
        context.Console.MarkupLine(Markup.Escape(conclusion));

        bool held = shared.AllRecorded && perWorker.AllRecorded && actor.AllRecorded;
        return new DemoOutcome(
            held,
            $"all locks: {before.Contentions} contentions ({Ms(before.TotalWait)} ms) before, {after.Contentions} ({Ms(after.TotalWait)} ms) after the refactor; " +
            $"stats lock {statsBefore.Contentions} ({Ms(statsBefore.TotalWait)} ms) -> {statsAfter.Contentions} ({Ms(statsAfter.TotalWait)} ms); " +
            $"jobs/s shared {shared.JobsPerSecond:N0}, per-worker {perWorker.JobsPerSecond:N0}, actors {actor.JobsPerSecond:N0}");
    }

    /// <summary>What the refactor did to lock wait, from the two profiles: only what they show.</summary>
    internal static string Conclusion(ContentionReport before, ContentionReport after, double jobsPerSecondBefore, double jobsPerSecondAfter)
    {
        string total = after.TotalWait < before.TotalWait
            ? $"The refactor cut the total lock wait from {Ms(before.TotalWait)} ms to {Ms(after.TotalWait)} ms ({100 * (1 - (after.TotalWait / before.TotalWait)):0}% less)"
            : $"The refactor did not cut the total lock wait: {Ms(before.TotalWait)} ms before, {Ms(after.TotalWait)} ms after";
        string top = after.Locks.Count == 0 ? "; afterwards no lock was contended"
            : $"; afterwards most of the wait is on {after.Locks[0].Lock} ({Ms(after.Locks[0].TotalWait)} ms)";
        string rate = jobsPerSecondBefore <= 0 ? ""
            : $". Throughput {jobsPerSecondBefore:N0} -> {jobsPerSecondAfter:N0} jobs/s ({jobsPerSecondAfter / jobsPerSecondBefore:0.00}x; indicative, one run).";
        return total + top + rate;
    }

    private static void PrintComparison(DemoContext context, PoolRun shared, PoolRun perWorker)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("[bold]Lock wait before and after the refactor[/]")
            .AddColumns("lock", "contentions before", "wait before (ms)", "contentions after", "wait after (ms)");
        string[] named = [shared.LockName, perWorker.LockName, WorkChannelLockName];
        void Row(string name, LockContention b, LockContention a) =>
            table.AddRow(Markup.Escape(name), b.Contentions.ToString("N0", CultureInfo.InvariantCulture), Ms(b.TotalWait),
                a.Contentions.ToString("N0", CultureInfo.InvariantCulture), Ms(a.TotalWait));
        Row("worker-pool stats lock", shared.Report.For(shared.LockName), perWorker.Report.For(perWorker.LockName));
        Row(WorkChannelLockName, shared.Report.For(WorkChannelLockName), perWorker.Report.For(WorkChannelLockName));
        Row("other locks (unnamed)", Others(shared.Report, named), Others(perWorker.Report, named));
        table.AddRow("[bold]all locks[/]", shared.Report.Contentions.ToString("N0", CultureInfo.InvariantCulture), $"[bold]{Ms(shared.Report.TotalWait)}[/]",
            perWorker.Report.Contentions.ToString("N0", CultureInfo.InvariantCulture), $"[bold]{Ms(perWorker.Report.TotalWait)}[/]");
        context.Console.Write(table);
    }

    private static LockContention Others(ContentionReport report, string[] named)
    {
        LockContention[] rest = report.Locks.Where(l => !named.Contains(l.Lock)).ToArray();
        return new LockContention("other", rest.Sum(l => l.Contentions), TimeSpan.FromTicks(rest.Sum(l => l.TotalWait.Ticks)),
            rest.Length == 0 ? TimeSpan.Zero : rest.Max(l => l.MaxWait));
    }

    /// <summary>What the profile calls the work channel's internal lock (see <see cref="WorkerPool.WorkChannelLock"/>).</summary>
    internal const string WorkChannelLockName = "work channel (BoundedChannel queue lock)";

    private const string RuntimeContention = "Microsoft-Windows-DotNETRuntime/Contention (0x4000)";

    private sealed record PoolRun(string LockName, ContentionReport Report, bool AllRecorded, double JobsPerSecond);

    private static async Task<PoolRun> ProfilePoolAsync(DemoContext context, string title, StatsMode mode, int workers, TimeSpan duration)
    {
        var pool = new WorkerPool(workers, mode);
        using var profiler = ContentionProfiler.Start();
        profiler.Name(pool.StatsLock);
        if (pool.WorkChannelLock is { } channelLock)
        {
            profiler.Name(channelLock, WorkChannelLockName);
        }
        WorkerPoolResult result = await context.Console.Status().StartAsync(
            $"{title}: running…", _ => pool.RunAsync(duration, context.CancellationToken));
        ContentionReport report = await profiler.StopAsync(FlushTimeout, context.CancellationToken);
        bool allRecorded = result.Stats.Jobs == result.Submitted;
        double jobsPerSecond = result.Submitted / result.Elapsed.TotalSeconds;
        Print(context, title, report, pool.StatsLock.Name,
            $"{result.Submitted:N0} jobs submitted, {result.Stats.Jobs:N0} recorded, {jobsPerSecond:N0} jobs/s");
        return new PoolRun(pool.StatsLock.Name, report, allRecorded, jobsPerSecond);
    }

    private static async Task<PoolRun> ProfileActorPoolAsync(DemoContext context, int workers, TimeSpan duration)
    {
        const string title = "Actors: router pool of workers reporting to one stats actor";
        const int Window = 4096; // jobs in flight at most, so the producer cannot flood the mailboxes
        ActorSystem system = context.ActorSystem;
        IActorRef stats = system.ActorOf(StatsActor.Props());
        IActorRef router = system.ActorOf(WorkerRouterPool.Props(workers, stats));
        try
        {
            using var profiler = ContentionProfiler.Start();
            var watch = Stopwatch.StartNew();
            long sent = 0;
            WorkerPoolProtocol.StatsSnapshot snapshot = await context.Console.Status().StartAsync($"{title}: running…", async _ =>
            {
                while (watch.Elapsed < duration && !context.CancellationToken.IsCancellationRequested)
                {
                    for (int i = 0; i < Window / 4; i++)
                    {
                        router.Tell(new WorkerPoolProtocol.Job(sent++));
                    }

                    // Back-pressure: wait until all but one window of jobs has been recorded.
                    await stats.Ask<WorkerPoolProtocol.StatsSnapshot>(
                        new WorkerPoolProtocol.WhenRecorded(Math.Max(0, sent - Window)), TimeSpan.FromSeconds(30), context.CancellationToken);
                }

                return await stats.Ask<WorkerPoolProtocol.StatsSnapshot>(
                    new WorkerPoolProtocol.WhenRecorded(sent), TimeSpan.FromSeconds(30), context.CancellationToken);
            });
            watch.Stop();
            ContentionReport report = await profiler.StopAsync(FlushTimeout, context.CancellationToken);
            double jobsPerSecond = sent / watch.Elapsed.TotalSeconds;
            Print(context, title, report, lockName: null, $"{sent:N0} jobs sent, {snapshot.Jobs:N0} recorded by the stats actor, {jobsPerSecond:N0} jobs/s");
            return new PoolRun("", report, snapshot.Jobs == sent, jobsPerSecond);
        }
        finally
        {
            system.Stop(router);
            system.Stop(stats);
        }
    }

    private static void Print(DemoContext context, string title, ContentionReport report, string? lockName, string jobs)
    {
        var table = new Table().Border(TableBorder.Rounded).Title($"[bold]{Markup.Escape(title)}[/]")
            .AddColumns("rank", "lock", "contentions", "total wait (ms)", "mean wait (µs)", "longest wait (ms)");
        int rank = 0;
        foreach (LockContention row in report.Locks.Take(TopRows))
        {
            string name = row.Lock == lockName ? $"[bold]{Markup.Escape(row.Lock)}[/]" : Markup.Escape(row.Lock);
            table.AddRow(
                (++rank).ToString(CultureInfo.InvariantCulture), name, row.Contentions.ToString("N0", CultureInfo.InvariantCulture),
                Ms(row.TotalWait), row.MeanWait.TotalMicroseconds.ToString("0.0", CultureInfo.InvariantCulture), Ms(row.MaxWait));
        }

        if (report.Locks.Count == 0)
        {
            table.AddRow("—", "[green]no lock contended[/]", "0", "0", "—", "—");
        }

        context.Console.Write(table);
        if (report.Locks.Count > TopRows)
        {
            var rest = report.Locks.Skip(TopRows).ToArray();
            context.Console.MarkupLine($"[grey]… {rest.Length} more locks: {rest.Sum(r => r.Contentions)} contentions, {Ms(TimeSpan.FromTicks(rest.Sum(r => r.TotalWait.Ticks)))} ms.[/]");
        }

        if (lockName is not null && report.Locks.All(r => r.Lock != lockName))
        {
            context.Console.MarkupLine($"[grey]{Markup.Escape(lockName)}: never contended.[/]");
        }

        context.Console.MarkupLine(
            $"{Markup.Escape(jobs)}; Monitor.LockContentionCount +{report.MonitorContentions}" +
            (report.Complete ? "" : " [yellow](event flush timed out: the table may miss the last events)[/]"));
    }

    private static string Ms(TimeSpan t) => t.TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture);
}
