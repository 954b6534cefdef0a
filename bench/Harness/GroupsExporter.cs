using System.Text.Json;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Reports;

namespace ActorConcurrency.Bench.Harness;

/// <summary>
/// Writes, next to BenchmarkDotNet's <c>*-report-full.json</c>, a <c>*-report-groups.json</c> with what the
/// full JSON leaves out and <c>bench-report</c> needs to compare: which benchmark of each comparison group
/// is the baseline, and its categories. Keyed by the same full name as the full JSON, so any class is
/// covered without changes here.
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
        var benchmarks = summary.BenchmarksCases.Select(c => new
        {
            FullName = FullNameProvider.GetBenchmarkName(c),
            Baseline = summary.IsBaseline(c),
            Categories = c.Descriptor.Categories,
            LogicalGroup = summary.GetLogicalGroupKey(c),
        });
        logger.WriteLine(JsonSerializer.Serialize(new { Title = summary.Title, Benchmarks = benchmarks }, new JsonSerializerOptions { WriteIndented = true }));
    }
}
