namespace ActorConcurrency.Host.BenchReport;

/// <summary>
/// Whether a row's iterations were steady within their processes: the first quarter of every launch's measured
/// iterations against the last quarter, pooled over the launches, under the report's <see cref="ComparisonRule"/>
/// (the Mann–Whitney test and the minimum effect of every verdict). A warm-up too short for the tiered JIT shows as
/// early iterations slower than late ones (with 3 warm-ups the actor benchmarks' first 10 to 50 iterations ran 2 to 4
/// times slower than the rest); a benchmark whose state grows as it runs (a journal, a heap) shows the other way.
/// Either way the row's median mixes two regimes, and its notes say so.
/// </summary>
/// <param name="EarlyAgainstLate">The early quarters (candidate) against the late quarters (baseline): a ratio above 1 means the early iterations took longer.</param>
internal sealed record Steadiness(SampleComparison EarlyAgainstLate)
{
    /// <summary>Fewest measured iterations a launch needs to be tested: a quarter of it is then at least 5 values.</summary>
    public const int MinimumIterationsPerLaunch = 20;

    /// <summary>Whether the early and late iterations differ by the rule (significant and at least its minimum effect).</summary>
    public bool Drifted => EarlyAgainstLate.Verdict is ComparisonVerdict.Faster or ComparisonVerdict.Slower;

    /// <summary>
    /// Tests the launches of <paramref name="launches"/> (each one process's iterations in the order they ran) that have
    /// at least <see cref="MinimumIterationsPerLaunch"/> iterations; null when none has.
    /// </summary>
    public static Steadiness? Of(IReadOnlyList<IReadOnlyList<double>> launches, ComparisonRule rule)
    {
        ArgumentNullException.ThrowIfNull(launches);
        ArgumentNullException.ThrowIfNull(rule);
        IReadOnlyList<double>[] tested = [.. launches.Where(l => l.Count >= MinimumIterationsPerLaunch)];
        if (tested.Length == 0)
        {
            return null;
        }

        double[] early = [.. tested.SelectMany(l => l.Take(l.Count / 4))];
        double[] late = [.. tested.SelectMany(l => l.Skip(l.Count - (l.Count / 4)))];
        return new Steadiness(SampleComparison.Compare(late, early, rule));
    }

    /// <summary>The row's note when it drifted, else null.</summary>
    public string? Note => EarlyAgainstLate.Verdict switch
    {
        ComparisonVerdict.Slower => $"{Drift}: still warming up when measured",
        ComparisonVerdict.Faster => $"{Drift}: slowed down as it ran",
        _ => null,
    };

    private string Drift =>
        $"not steady: the first quarter of each launch's iterations took {ComparisonText.Ratio(EarlyAgainstLate)}× the last quarter's time ({ComparisonText.P(EarlyAgainstLate.P)})";
}
