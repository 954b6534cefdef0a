namespace ActorConcurrency.Host.BenchReport;

/// <summary>
/// <c>bench-report --compare OLD NEW</c>'s figures (benchstat's job): every benchmark found in both result sets, new
/// against old (<see cref="SampleComparison"/>: medians, change with its interval, p-value, verdict), the geometric
/// mean of the medians on each side over those benchmarks, and what only one side has. Matched by BenchmarkDotNet's
/// full name (class, method, parameters).
/// </summary>
/// <param name="Benchmarks">The benchmarks in both, by class then name.</param>
/// <param name="GeomeanOld">Geometric mean of the old medians over <paramref name="Benchmarks"/> whose medians are positive on both sides (null when none is).</param>
/// <param name="GeomeanNew">Geometric mean of the new medians over the same benchmarks.</param>
/// <param name="GeomeanLeftOut">Benchmarks left out of the geometric means: a median of 0 on a side (below the timer) has no logarithm.</param>
/// <param name="OnlyOld">Benchmarks only the old results have.</param>
/// <param name="OnlyNew">Benchmarks only the new results have.</param>
/// <param name="OldSessions">The report sessions the old side's compared rows come from (<see cref="BenchmarkRun.OutsideSessions"/> for a run outside one).</param>
/// <param name="NewSessions">The same for the new side.</param>
internal sealed record ResultsComparison(
    IReadOnlyList<ComparedBenchmark> Benchmarks,
    double? GeomeanOld,
    double? GeomeanNew,
    int GeomeanLeftOut,
    IReadOnlyList<string> OnlyOld,
    IReadOnlyList<string> OnlyNew,
    IReadOnlyList<string> OldSessions,
    IReadOnlyList<string> NewSessions)
{
    /// <summary>
    /// Whether the two sides come from different sessions. The test over iterations judges the two runs, not the
    /// machine, which on a shared virtual machine drifts between sessions by more than iterations vary within one.
    /// </summary>
    public bool AcrossSessions => !OldSessions.SequenceEqual(NewSessions, StringComparer.Ordinal) || OldSessions.Contains(BenchmarkRun.OutsideSessions);

    /// <summary>New geometric mean over old: the typical change across benchmarks (below 1: faster).</summary>
    public double? GeomeanRatio => GeomeanOld is > 0 && GeomeanNew is { } n ? n / GeomeanOld : null;

    /// <summary>Compares <paramref name="new"/> with <paramref name="old"/> under <paramref name="rule"/>.</summary>
    public static ResultsComparison Of(BenchmarkResults old, BenchmarkResults @new, ComparisonRule rule)
    {
        ArgumentNullException.ThrowIfNull(old);
        ArgumentNullException.ThrowIfNull(@new);
        ArgumentNullException.ThrowIfNull(rule);
        Dictionary<string, BenchmarkRow> before = old.Rows.ToDictionary(r => r.FullName, StringComparer.Ordinal);
        Dictionary<string, BenchmarkRow> after = @new.Rows.ToDictionary(r => r.FullName, StringComparer.Ordinal);
        ComparedBenchmark[] both = [.. before.Keys.Intersect(after.Keys)
            .Select(key => new ComparedBenchmark(NameOf(after[key]), before[key], after[key], SampleComparison.Compare(before[key].TestedValues, after[key].TestedValues, rule)))
            .OrderBy(b => b.New.Type, StringComparer.Ordinal)
            .ThenBy(b => b.Name, StringComparer.Ordinal)];
        ComparedBenchmark[] positive = [.. both.Where(b => b.Comparison.Baseline.Median > 0 && b.Comparison.Candidate.Median > 0)];
        return new ResultsComparison(
            both,
            GeometricMean(positive.Select(b => b.Comparison.Baseline.Median)),
            GeometricMean(positive.Select(b => b.Comparison.Candidate.Median)),
            both.Length - positive.Length,
            [.. before.Keys.Except(after.Keys).Select(k => NameOf(before[k])).Order(StringComparer.Ordinal)],
            [.. after.Keys.Except(before.Keys).Select(k => NameOf(after[k])).Order(StringComparer.Ordinal)],
            Sessions(both.Select(b => b.Old)),
            Sessions(both.Select(b => b.New)));
    }

    /// <summary>"LruBenchmarks.LockLru(GetPercent=50, Threads=1)".</summary>
    public static string NameOf(BenchmarkRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        string parameters = string.Join(", ", row.Parameters.Select(p => $"{p.Key}={p.Value}"));
        return $"{row.Type}.{row.Method}{(parameters.Length == 0 ? "" : $"({parameters})")}";
    }

    private static string[] Sessions(IEnumerable<BenchmarkRow> rows) =>
        [.. rows.Select(r => r.Run.SessionName).Distinct().Order(StringComparer.Ordinal)];

    private static double? GeometricMean(IEnumerable<double> values)
    {
        double[] all = [.. values];
        return all.Length == 0 ? null : Math.Exp(all.Average(Math.Log));
    }
}
