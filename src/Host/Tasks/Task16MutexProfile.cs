using System.CommandLine;
using System.Globalization;
using ActorConcurrency.Demonstrations;
using ActorConcurrency.Demonstrations.Profiling;
using ActorConcurrency.Host.Catalog;
using ActorConcurrency.SharedState.Profiling;
using Spectre.Console;

namespace ActorConcurrency.Host.Tasks;

/// <summary>
/// Task 16: the mutex profile (<see cref="MutexProfileExperiment"/>). Runs the worker pool with one lock-protected
/// statistics structure under the in-process contention profiler and prints the locks ranked by wait, then the
/// refactored pool (per-worker statistics merged at the end), then the actor form, each as it finishes, then the two
/// profiles side by side. <c>profile</c> runs the same with its own options.
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

    private const string RuntimeContention = "Microsoft-Windows-DotNETRuntime/Contention (0x4000)";

    private const string SharedTitle = "Before: one stats lock taken by every job";
    private const string PerWorkerTitle = "After: per-worker stats, merged once per worker";
    private const string ActorsTitle = "Actors: router pool of workers reporting to one stats actor";

    public override TaskInfo Info { get; } = new(
        16,
        "Mutex profile",
        "mutex contention profile",
        "Profiling",
        SharedStateTypes: ["WorkerPool", "JobStats", "NamedLock", "ContentionProfiler"],
        ActorTypes: ["WorkerRouterPool", "WorkerActor", "StatsActor"],
        Specs: ["ContentionProfilerSpec", "WorkerPoolSpec", "StatsActorSpec", "MutexProfileExperimentSpec"],
        Benchmark: "");

    public override IReadOnlyList<Option> Options => [Seconds.Option, Workers.Option];

    public override async Task<IDemonstrationResult> RunAsync(DemoContext context) => await ProfileAsync(context);

    /// <summary>The whole experiment, for <c>run 16</c> and <c>profile</c>: each pool's table as it finishes, then the comparison.</summary>
    public static async Task<MutexProfileResult> ProfileAsync(DemoContext context)
    {
        var settings = new MutexProfileSettings(context.Get(Seconds), context.Get(Workers));
        CancellationToken cancellation = context.CancellationToken;
        context.Console.MarkupLine(
            $"{settings.Workers} workers, {settings.Seconds:0.##} s per pool; contention captured in process from the runtime's " +
            $"[bold]{RuntimeContention}[/] events and Monitor.LockContentionCount.");

        PoolProfile shared = await context.StatusAsync($"{SharedTitle}: running…", _ => MutexProfileExperiment.ProfilePoolAsync(settings, StatsMode.SharedLock, cancellation));
        Print(context, SharedTitle, shared);
        PoolProfile perWorker = await context.StatusAsync($"{PerWorkerTitle}: running…", _ => MutexProfileExperiment.ProfilePoolAsync(settings, StatsMode.PerWorker, cancellation));
        Print(context, PerWorkerTitle, perWorker);
        PoolProfile actors = await context.StatusAsync($"{ActorsTitle}: running…", _ => MutexProfileExperiment.ProfileActorPoolAsync(settings, context.ActorSystem, cancellation));
        Print(context, ActorsTitle, actors);

        var result = new MutexProfileResult(settings.Workers, settings.Seconds, shared, perWorker, actors);
        PrintComparison(context, result);
        context.Console.MarkupLine(Markup.Escape(result.Conclusion));
        return result;
    }

    private static void PrintComparison(DemoContext context, MutexProfileResult result)
    {
        PoolProfile shared = result.Shared, perWorker = result.PerWorker;
        var table = new Table().Border(TableBorder.Rounded).Title("[bold]Lock wait before and after the refactor[/]")
            .AddColumns("lock", "contentions before", "wait before (ms)", "contentions after", "wait after (ms)");
        const string channel = MutexProfileExperiment.WorkChannelLockName;
        string[] named = [shared.LockName!, perWorker.LockName!, channel];
        void Row(string name, LockContention b, LockContention a) =>
            table.AddRow(Markup.Escape(name), Count(b.Contentions), MutexProfileResult.Ms(b.TotalWait), Count(a.Contentions), MutexProfileResult.Ms(a.TotalWait));
        Row("worker-pool stats lock", shared.Report.For(shared.LockName!), perWorker.Report.For(perWorker.LockName!));
        Row(channel, shared.Report.For(channel), perWorker.Report.For(channel));
        Row("other locks (unnamed)", Others(shared.Report, named), Others(perWorker.Report, named));
        table.AddRow("[bold]all locks[/]", Count(shared.Report.Contentions), $"[bold]{MutexProfileResult.Ms(shared.Report.TotalWait)}[/]",
            Count(perWorker.Report.Contentions), $"[bold]{MutexProfileResult.Ms(perWorker.Report.TotalWait)}[/]");
        context.Console.Write(table);
    }

    private static LockContention Others(ContentionReport report, string[] named)
    {
        LockContention[] rest = report.Locks.Where(l => !named.Contains(l.Lock)).ToArray();
        return new LockContention("other", rest.Sum(l => l.Contentions), TimeSpan.FromTicks(rest.Sum(l => l.TotalWait.Ticks)),
            rest.Length == 0 ? TimeSpan.Zero : rest.Max(l => l.MaxWait));
    }

    private static void Print(DemoContext context, string title, PoolProfile profile)
    {
        ContentionReport report = profile.Report;
        var table = new Table().Border(TableBorder.Rounded).Title($"[bold]{Markup.Escape(title)}[/]")
            .AddColumns("rank", "lock", "contentions", "total wait (ms)", "mean wait (µs)", "longest wait (ms)");
        int rank = 0;
        foreach (LockContention row in report.Locks.Take(TopRows))
        {
            string name = row.Lock == profile.LockName ? $"[bold]{Markup.Escape(row.Lock)}[/]" : Markup.Escape(row.Lock);
            table.AddRow(
                (++rank).ToString(CultureInfo.InvariantCulture), name, Count(row.Contentions),
                MutexProfileResult.Ms(row.TotalWait), row.MeanWait.TotalMicroseconds.ToString("0.0", CultureInfo.InvariantCulture), MutexProfileResult.Ms(row.MaxWait));
        }

        if (report.Locks.Count == 0)
        {
            table.AddRow("—", "[green]no lock contended[/]", "0", "0", "—", "—");
        }

        context.Console.Write(table);
        if (report.Locks.Count > TopRows)
        {
            var rest = report.Locks.Skip(TopRows).ToArray();
            context.Console.MarkupLine($"[grey]… {rest.Length} more locks: {rest.Sum(r => r.Contentions)} contentions, {MutexProfileResult.Ms(TimeSpan.FromTicks(rest.Sum(r => r.TotalWait.Ticks)))} ms.[/]");
        }

        if (profile.LockName is { } lockName && report.Locks.All(r => r.Lock != lockName))
        {
            context.Console.MarkupLine($"[grey]{Markup.Escape(lockName)}: never contended.[/]");
        }

        string jobs = profile.LockName is null
            ? $"{profile.Submitted:N0} jobs sent, {profile.Recorded:N0} recorded by the stats actor, {profile.JobsPerSecond:N0} jobs/s"
            : $"{profile.Submitted:N0} jobs submitted, {profile.Recorded:N0} recorded, {profile.JobsPerSecond:N0} jobs/s";
        context.Console.MarkupLine(
            $"{Markup.Escape(jobs)}; Monitor.LockContentionCount +{report.MonitorContentions}" +
            (report.Complete ? "" : " [yellow](event flush timed out: the table may miss the last events)[/]"));
    }

    private static string Count(long contentions) => contentions.ToString("N0", CultureInfo.InvariantCulture);
}
