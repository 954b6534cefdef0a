namespace ActorConcurrency.Host.BenchReport;

/// <summary>The outcome of a two-sided Mann–Whitney U test of a first sample x against a second sample y.</summary>
/// <param name="U">U of x: the pairs (x<sub>i</sub>, y<sub>j</sub>) with x<sub>i</sub> &gt; y<sub>j</sub>, a tie counting one half (0 … m·n).</param>
/// <param name="P">The two-sided p-value: how often samples from one distribution would be at least this far apart.</param>
/// <param name="Distribution">The null distribution U was judged by (exact, or the normal approximation).</param>
internal sealed record MannWhitneyResult(double U, double P, RankSumDistribution Distribution)
{
    /// <summary>Whether <see cref="P"/> is exact rather than the normal approximation.</summary>
    public bool Exact => Distribution.Exact;
}
