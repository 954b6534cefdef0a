using System.Reflection;
using System.Text.Json;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace ActorConcurrency.Bench.Harness;

/// <summary>
/// Writes, next to BenchmarkDotNet's <c>*-report-full.json</c>, a <c>*-report-groups.json</c> with what the
/// full JSON leaves out and <c>bench-report</c> needs to compare and to qualify a number: which benchmark of
/// each comparison group is the baseline, its categories, the job that measured it (id, run strategy, launch,
/// warm-up and iteration counts asked for and actually measured), its error (half the 99.9% confidence
/// interval, as BenchmarkDotNet's Error column) and the value of every custom column (e.g. the LRU's hit
/// ratio), the unit of a class charted as a rate (<see cref="ReportAsRateAttribute"/>), the machine's load before
/// and after each class and case (<see cref="LoadRecorder"/>: load averages and the CPU other processes used), and
/// the report session it belongs to (<see cref="ReportSession"/>). Keyed by the same full name as the full JSON, so
/// any class is covered without changes here.
/// </summary>
public sealed class GroupsExporter : ExporterBase
{
    /// <summary>The only instance (exporters are compared by identity in a config).</summary>
    public static readonly GroupsExporter Instance = new();

    private GroupsExporter()
    {
    }

    /// <inheritdoc />
    protected override string FileExtension => "json";

    /// <inheritdoc />
    protected override string FileNameSuffix => "-groups";

    /// <inheritdoc />
    public override void ExportToLog(Summary summary, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(logger);
        IColumn[] custom = summary.GetColumns().Where(c => c.Category == ColumnCategory.Custom && c.IsAvailable(summary)).ToArray();
        var benchmarks = summary.BenchmarksCases.Select(c =>
        {
            BenchmarkReport? report = summary[c];
            Measurement[] actual = report?.AllMeasurements.Where(m => m.IterationMode == IterationMode.Workload && m.IterationStage == IterationStage.Actual).ToArray() ?? [];
            return new
            {
                FullName = FullNameProvider.GetBenchmarkName(c),
                Baseline = summary.IsBaseline(c),
                Categories = c.Descriptor.Categories,
                LogicalGroup = summary.GetLogicalGroupKey(c),
                Job = new
                {
                    Id = c.Job.ResolvedId,
                    RunStrategy = c.Job.HasValue(RunMode.RunStrategyCharacteristic) ? c.Job.Run.RunStrategy.ToString() : "Throughput",
                    LaunchCount = c.Job.HasValue(RunMode.LaunchCountCharacteristic) ? c.Job.Run.LaunchCount : (int?)null,
                    WarmupCount = c.Job.HasValue(RunMode.WarmupCountCharacteristic) ? c.Job.Run.WarmupCount : (int?)null,
                    IterationCount = c.Job.HasValue(RunMode.IterationCountCharacteristic) ? c.Job.Run.IterationCount : (int?)null,
                },
                Measured = new
                {
                    Launches = actual.Select(m => m.LaunchIndex).Distinct().Count(),
                    Iterations = actual.Length,
                },
                ErrorNs = report?.ResultStatistics is { N: > 1 } stats ? stats.ConfidenceInterval.Margin : (double?)null,
                StdDevNs = report?.ResultStatistics?.StandardDeviation,
                Columns = custom.ToDictionary(col => col.ColumnName, col => col.GetValue(summary, c)),
                Rate = c.Descriptor.Type.GetCustomAttribute<ReportAsRateAttribute>()?.Unit,
                Load = LoadRecorder.Instance.For(c) is { } span ? Load(span) : null,
            };
        });
        var classes = LoadRecorder.Instance.Classes
            .Where(c => summary.BenchmarksCases.Any(b => b.Descriptor.Type.FullName == c.Key))
            .Select(c => new { Type = c.Key, Load = Load(c.Value) });
        logger.WriteLine(JsonSerializer.Serialize(
            new { Title = summary.Title, Session = ReportSession.Current, Cores = Environment.ProcessorCount, Classes = classes, Benchmarks = benchmarks },
            new JsonSerializerOptions { WriteIndented = true, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals }));
    }

    /// <summary>The sidecar's form of the readings around a class or case.</summary>
    private static object Load(LoadRecorder.Span span) => new
    {
        Before = Reading(span.Before),
        After = span.After is { } after ? Reading(after) : null,
        OtherCpuCores = span.After is { } end ? MachineLoadReading.OtherCpuCores(span.Before, end) : null,
    };

    private static object Reading(MachineLoadReading reading) => new
    {
        reading.At,
        reading.LoadOne,
        reading.LoadFive,
        reading.LoadFifteen,
    };
}
