using System.Collections.Concurrent;
using BenchmarkDotNet.EventProcessors;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace ActorConcurrency.Bench.Harness;

/// <summary>
/// Reads the machine's load (<see cref="MachineLoadReading"/>) before and after each benchmark class and each case,
/// so the report can flag what was measured on a busy machine. <see cref="GroupsExporter"/> writes what it recorded
/// into the sidecar. Runs in the BenchmarkDotNet host process, around the benchmark processes it starts.
/// </summary>
public sealed class LoadRecorder : EventProcessor
{
    /// <summary>The only instance: the exporter reads what it recorded.</summary>
    public static readonly LoadRecorder Instance = new();

    private readonly ConcurrentDictionary<string, Span> _cases = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Span> _classes = new(StringComparer.Ordinal);

    private LoadRecorder()
    {
    }

    /// <summary>Longest wait after BenchmarkDotNet's build for the load average to settle (<see cref="SettleAfterBuild"/>).</summary>
    public static readonly TimeSpan SettleLimit = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Whether to wait, once BenchmarkDotNet has built the benchmarks, until the 1-minute load average is at or below
    /// the core count (at most <see cref="SettleLimit"/>): the build itself keeps the load average above it for about
    /// half a minute, so without the wait the first cases of a run start on the build's load and are flagged for it.
    /// <c>report-run</c> sets it.
    /// </summary>
    public bool SettleAfterBuild { get; set; }

    /// <summary>The readings before and after one class or case (<see cref="After"/> null while it runs).</summary>
    public sealed record Span(MachineLoadReading Before, MachineLoadReading? After);

    /// <summary>Each benchmark class run so far, by full name, in the order they ran.</summary>
    public IReadOnlyList<KeyValuePair<string, Span>> Classes => [.. _classes.OrderBy(c => c.Value.Before.At)];

    /// <summary>The readings around <paramref name="benchmarkCase"/>, or null when it did not run under this recorder.</summary>
    public Span? For(BenchmarkCase benchmarkCase) => _cases.GetValueOrDefault(FullNameProvider.GetBenchmarkName(benchmarkCase));

    /// <inheritdoc />
    public override void OnEndBuildStage()
    {
        if (SettleAfterBuild)
        {
            WaitUntilSettled("the build");
        }
    }

    /// <summary>
    /// Waits, at most <see cref="SettleLimit"/>, until the 1-minute load average is at or below the core count, saying
    /// so when it has to: after a build, <paramref name="after"/> names it.
    /// </summary>
    public static void WaitUntilSettled(string after)
    {
        if (MachineLoadReading.Take().LoadOne is not { } load || load <= Environment.ProcessorCount)
        {
            return;
        }

        Console.WriteLine($"// {nameof(LoadRecorder)}: load average {load:0.00} > {Environment.ProcessorCount} cores after {after}; waiting up to {SettleLimit.TotalSeconds:0} s for it to settle");
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (waited.Elapsed < SettleLimit && MachineLoadReading.Take().LoadOne is { } now && now > Environment.ProcessorCount)
        {
            Thread.Sleep(TimeSpan.FromSeconds(5)); // /proc/loadavg changes every 5 s
        }

        Console.WriteLine($"// {nameof(LoadRecorder)}: load average {MachineLoadReading.Take().LoadOne:0.00} after {waited.Elapsed.TotalSeconds:0} s");
    }

    /// <inheritdoc />
    public override void OnStartRunBenchmarksInType(Type type, IReadOnlyList<BenchmarkCase> benchmarks) =>
        _classes[type.FullName ?? type.Name] = new Span(MachineLoadReading.Take(), null);

    /// <inheritdoc />
    public override void OnEndRunBenchmarksInType(Type type, Summary summary) =>
        End(_classes, type.FullName ?? type.Name);

    /// <inheritdoc />
    public override void OnStartRunBenchmark(BenchmarkCase benchmarkCase) =>
        _cases[FullNameProvider.GetBenchmarkName(benchmarkCase)] = new Span(MachineLoadReading.Take(), null);

    /// <inheritdoc />
    public override void OnEndRunBenchmark(BenchmarkCase benchmarkCase, BenchmarkReport report) =>
        End(_cases, FullNameProvider.GetBenchmarkName(benchmarkCase));

    private static void End(ConcurrentDictionary<string, Span> spans, string key)
    {
        if (spans.TryGetValue(key, out Span? span))
        {
            spans[key] = span with { After = MachineLoadReading.Take() };
        }
    }
}
