namespace ActorConcurrency.Host.BenchReport;

/// <summary>One measured benchmark case, as read from a BenchmarkDotNet full JSON export and its sidecar.</summary>
/// <param name="FullName">BenchmarkDotNet's full name (namespace, class, method, parameters): unique per case.</param>
/// <param name="Type">The benchmark class.</param>
/// <param name="Method">The benchmark method: the bar of a chart.</param>
/// <param name="Parameters">The case's parameters, in declaration order.</param>
/// <param name="MeanNs">Mean time per operation, in nanoseconds.</param>
/// <param name="AllocatedBytes">Bytes allocated per operation, or null when the memory diagnoser was off.</param>
/// <param name="Baseline">Whether it is its group's baseline; null when the export has no sidecar saying so.</param>
/// <param name="Categories">Its <c>[BenchmarkCategory]</c> values, joined; empty when none or unknown.</param>
/// <param name="Run">The run (file) it came from.</param>
/// <param name="ErrorNs">Half the 99.9% confidence interval of the mean (BenchmarkDotNet's Error); null with one iteration.</param>
/// <param name="StdDevNs">Standard deviation of the iterations, or null.</param>
/// <param name="Job">The job that measured it.</param>
/// <param name="Columns">Custom columns (name → value as BenchmarkDotNet printed it), e.g. the LRU's hit ratio.</param>
/// <param name="RateUnit">What one operation moves (e.g. <c>items</c>) when its class is charted as a rate; null for a time per operation.</param>
/// <param name="Samples">Time per operation of every measured iteration (BenchmarkDotNet's Result iterations), in nanoseconds; empty when the export has none.</param>
/// <param name="Median">The median of <paramref name="Samples"/> with its interval; null when there are no samples (see <see cref="Estimate"/>).</param>
/// <param name="Load">How busy the machine was around the case, or null when not recorded.</param>
/// <param name="GoTwin">For a Go peer (<see cref="GoPeerResultsReader"/>), the C# method of its group it is the Go form of; null for a C# row.</param>
/// <param name="Steadiness">Whether the iterations were steady within each launch (<see cref="Steadiness"/>); null when no launch had enough iterations to tell, or the export does not say which launch an iteration ran in.</param>
internal sealed record BenchmarkRow(
    string FullName,
    string Type,
    string Method,
    IReadOnlyList<KeyValuePair<string, string>> Parameters,
    double MeanNs,
    double? AllocatedBytes,
    bool? Baseline,
    string Categories,
    BenchmarkRun Run,
    double? ErrorNs = null,
    double? StdDevNs = null,
    BenchmarkJob? Job = null,
    IReadOnlyDictionary<string, string>? Columns = null,
    string? RateUnit = null,
    IReadOnlyList<double>? Samples = null,
    MedianEstimate? Median = null,
    MachineLoad? Load = null,
    string? GoTwin = null,
    Steadiness? Steadiness = null)
{
    /// <summary>
    /// The median with its interval; without per-iteration values, the mean as a point with no interval (level 0), so
    /// an old export is still charted and compared, and says it is untested.
    /// </summary>
    public MedianEstimate Estimate => Median ?? new MedianEstimate(1, MeanNs, MeanNs, MeanNs, 0);

    /// <summary>The values a comparison tests: the iterations, or the <see cref="Estimate"/>'s one point when there are none.</summary>
    public IReadOnlyList<double> TestedValues => Samples is { Count: > 0 } samples ? samples : [Estimate.Median];

    /// <summary>Why the row counts as measured under load, or null (see <see cref="MachineLoad"/>).</summary>
    public string? UnderLoad => Load?.BusyReason(Run.Cores);
}
