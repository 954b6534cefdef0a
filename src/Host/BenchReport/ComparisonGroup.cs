namespace ActorConcurrency.Host.BenchReport;

/// <summary>
/// One comparison group: the benchmarks of one class and category that share every parameter except the
/// thread count. Its methods are the bars; each thread count is a series, so a chart shows the methods
/// side by side at every thread count.
/// </summary>
/// <param name="Type">The benchmark class.</param>
/// <param name="Categories">The category, or empty.</param>
/// <param name="Parameters">The shared parameters (thread count excluded), e.g. <c>Workload=50/50</c>.</param>
/// <param name="ThreadParameter">The name of the thread-count parameter, or null when the class has none.</param>
/// <param name="Rows">Its measurements.</param>
internal sealed record ComparisonGroup(
    string Type,
    string Categories,
    IReadOnlyList<KeyValuePair<string, string>> Parameters,
    string? ThreadParameter,
    IReadOnlyList<BenchmarkRow> Rows)
{
    /// <summary>A readable title: class, category, parameters.</summary>
    public string Title =>
        string.Join(" — ", new[] { Type, Categories, string.Join(", ", Parameters.Select(p => $"{p.Key}={p.Value}")) }.Where(s => s.Length > 0));

    /// <summary>The methods, in the order they were measured (the baseline first when known).</summary>
    public IReadOnlyList<string> Methods =>
        Rows.OrderByDescending(r => r.Baseline == true).Select(r => r.Method).Distinct().ToArray();

    /// <summary>The thread counts (series), ascending; one empty series when the class has no thread parameter.</summary>
    public IReadOnlyList<string> Series =>
        ThreadParameter is null ? [""] : Rows.Select(ThreadsOf).Distinct().OrderBy(s => int.TryParse(s, out int n) ? n : int.MaxValue).ToArray();

    /// <summary>The thread count of <paramref name="row"/>, or empty.</summary>
    public string ThreadsOf(BenchmarkRow row) =>
        ThreadParameter is null ? "" : row.Parameters.FirstOrDefault(p => p.Key == ThreadParameter).Value ?? "";

    /// <summary>The row of <paramref name="method"/> at <paramref name="series"/>, if measured.</summary>
    public BenchmarkRow? Find(string method, string series) =>
        Rows.FirstOrDefault(r => r.Method == method && ThreadsOf(r) == series);

    /// <summary>
    /// The row against the baseline at its thread count (<see cref="SampleComparison"/> under
    /// <see cref="ComparisonRule.Default"/>): medians, their ratio with its interval, p-value and verdict. Null for the
    /// baseline itself, when the baseline is unknown or missing, or when the clock cannot tell it from nothing
    /// (<see cref="TooSmallToSee"/>): a ratio to such a time (an operation the JIT may have removed) is not a comparison,
    /// however many digits it prints.
    /// </summary>
    public SampleComparison? CompareWithBaseline(BenchmarkRow row)
    {
        BenchmarkRow? baseline = BaselineOf(row);
        return baseline is null || ReferenceEquals(baseline, row) || TooSmallToSee(baseline)
            ? null
            : SampleComparison.Compare(baseline.TestedValues, row.TestedValues, ComparisonRule.Default);
    }

    /// <summary>
    /// A Go peer's C# form against it: the Go row is the baseline, so a ratio above 1 and <see cref="ComparisonVerdict.Slower"/>
    /// mean the C# form takes longer. Null for a C# row, or when the C# form was not measured at the row's thread count.
    /// </summary>
    public SampleComparison? CompareWithGoTwin(BenchmarkRow row, ComparisonRule rule) =>
        row.GoTwin is { } twin && Find(twin, ThreadsOf(row)) is { } csharp
            ? SampleComparison.Compare(row.TestedValues, csharp.TestedValues, rule)
            : null;

    /// <summary>The baseline measured at the row's thread count, if any.</summary>
    public BenchmarkRow? BaselineOf(BenchmarkRow row) => Rows.FirstOrDefault(r => r.Baseline == true && ThreadsOf(r) == ThreadsOf(row));

    /// <summary>
    /// Whether the clock cannot tell the row's operation from nothing. With iterations: its median's interval reaches 0
    /// (BenchmarkDotNet subtracts the empty loop's time from every iteration, and what is left of an operation the JIT
    /// removed scatters around 0). Without them: its mean is below one tick of the run's chronometer. A time per
    /// operation under a tick is no sign by itself, since an iteration spans many operations and at least its
    /// iteration time (a <c>Volatile.Read</c> looped 1,000 times per invocation: 0.33 ns, each iteration 50 ms).
    /// </summary>
    public static bool TooSmallToSee(BenchmarkRow row) => row.Median is { } median ? median.Low <= 0 : row.MeanNs < row.Run.TimerResolutionNs;

    /// <summary>The custom columns (e.g. hit ratio) any row of the group has a value for, in first-seen order.</summary>
    public IReadOnlyList<string> CustomColumns =>
        Rows.SelectMany(r => r.Columns?.Keys ?? []).Distinct().ToArray();

    /// <summary>What one operation moves (e.g. <c>items</c>) when the group is charted as a rate, per second; null for a time per operation.</summary>
    public string? RateUnit => Rows.Select(r => r.RateUnit).FirstOrDefault(u => u is not null);

    /// <summary>The jobs that measured the group (normally one).</summary>
    public IReadOnlyList<BenchmarkJob> Jobs => Rows.Select(r => r.Job).OfType<BenchmarkJob>().Distinct().ToArray();

    /// <summary>A file name for the chart, from the title: letters, digits and dashes only.</summary>
    public string ChartFileName
    {
        get
        {
            string raw = string.Join("-", new[] { Type, Categories }.Concat(Parameters.Select(p => $"{p.Key}-{p.Value}")).Where(s => s.Length > 0));
            var chars = raw.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray();
            string name = string.Join("-", new string(chars).Split('-', StringSplitOptions.RemoveEmptyEntries));
            return name + ".png";
        }
    }
}
