using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters.Json;
using BenchmarkDotNet.Jobs;
using Perfolizer.Horology;
using Perfolizer.Mathematics.OutlierDetection;

namespace ActorConcurrency.Bench;

/// <summary>
/// The configuration every suite runs with: allocations per operation (memory diagnoser), the full JSON export that
/// <c>bench-report</c> reads from <c>BenchmarkDotNet.Artifacts/results</c> with its baseline/category sidecar
/// (<see cref="Harness.GroupsExporter"/>), and the machine's load around every class and case
/// (<see cref="Harness.LoadRecorder"/>). <see cref="ReportJob"/> is the one job of the report's run
/// (<see cref="Harness.ReportRun"/>).
/// </summary>
internal static class BenchConfig
{
    /// <summary>
    /// The job every row of docs/benchmarks.md is measured with: 3 processes (launches) × 120 iterations of at least
    /// 50 ms after 50 warm-ups, 360 values per row, none dropped as an outlier. Three launches because a process can
    /// settle into a slow or fast mode for its whole life (the actor benchmarks were bimodal per process). Many short
    /// iterations rather than few long ones because on this kind of machine an iteration's spread comes from the
    /// hypervisor and the scheduler, not from its length: 15 iterations of 250 ms left 51% of rows with a 99.9%
    /// median interval wider than ±10%, 500 ms did no better, and the interval narrows with the square root of the
    /// number of values (80 of 50 ms took CacheLockBenchmarks from 12 to 23 of 24 rows, in the same time). 120 rather
    /// than 80 once race mode stopped leaking its sessions, which had cost the run 13 minutes of garbage collection:
    /// 16 of the 24 rows that missed ±10% with 80 missed by less than 15%.
    /// Fifty warm-ups (2.5 s) because the tiered JIT takes that long to promote an actor benchmark's many methods
    /// while the benchmark keeps both cores busy: with 3 warm-ups the first 10 to 50 measured iterations of an Ask
    /// round trip ran 2 to 4 times slower than the rest (flat from the start with tiered compilation off), which
    /// biased the medians and made an echo Ask's within-process spread 50–150% of the median (5–60% with 50 warm-ups).
    /// dotnet/performance raises the warm-up count for the same reason. bench-report's steadiness test shows what is
    /// left: 74 of 159 rows drifted within their launches with 3 warm-ups, 29 with 50.
    /// Outliers stay: the median does not need them removed, and the Mann–Whitney test should see every iteration.
    /// </summary>
    public static Job ReportJob { get; } = Job.Default
        .WithId("Report")
        .WithLaunchCount(3)
        .WithWarmupCount(50)
        .WithIterationCount(120)
        .WithIterationTime(TimeInterval.FromMilliseconds(50))
        .WithOutlierMode(OutlierMode.DontRemove);

    /// <summary>
    /// <see cref="ReportJob"/>'s shape in miniature (2 launches × 3 iterations of 50 ms): proves the report run's
    /// machinery — launches, load readings, sidecar, report — in minutes. Its figures are no measurement, and the
    /// report calls the job indicative.
    /// </summary>
    public static Job QuickReportJob { get; } = Job.Default
        .WithId("QuickReport")
        .WithLaunchCount(2)
        .WithWarmupCount(1)
        .WithIterationCount(3)
        .WithIterationTime(TimeInterval.FromMilliseconds(50))
        .WithOutlierMode(OutlierMode.DontRemove);

    public static IConfig Create() => DefaultConfig.Instance
        .AddDiagnoser(MemoryDiagnoser.Default)
        .AddExporter(JsonExporter.Full)
        .AddExporter(Harness.GroupsExporter.Instance)
        .AddEventProcessor(Harness.LoadRecorder.Instance)
        .WithOptions(ConfigOptions.JoinSummary | ConfigOptions.DisableLogFile);
}
