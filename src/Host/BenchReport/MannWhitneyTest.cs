namespace ActorConcurrency.Host.BenchReport;

/// <summary>
/// The Mann–Whitney U (Wilcoxon rank-sum) test: do two samples come from one distribution? Distribution-free, so it
/// suits timings, which are skewed and often bimodal. Ranks the pooled sample (tied values share their mean rank),
/// takes U of the first sample and judges it by <see cref="RankSumDistribution"/> — exact for small untied samples,
/// the tie-corrected normal approximation otherwise.
/// </summary>
internal static class MannWhitneyTest
{
    /// <summary>Tests <paramref name="x"/> against <paramref name="y"/>; each needs at least one value.</summary>
    public static MannWhitneyResult Run(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count == 0)
        {
            throw new ArgumentException("the first sample is empty", nameof(x));
        }

        if (y.Count == 0)
        {
            throw new ArgumentException("the second sample is empty", nameof(y));
        }

        if (x.Concat(y).Any(double.IsNaN))
        {
            throw new ArgumentException("a sample holds NaN", double.IsNaN(x.FirstOrDefault(double.IsNaN)) ? nameof(x) : nameof(y));
        }

        // Pooled values in order, each remembering its sample; equal values get the mean of their ranks.
        var pooled = x.Select(v => (Value: v, First: true)).Concat(y.Select(v => (Value: v, First: false))).OrderBy(p => p.Value).ToArray();
        var ties = new List<int>();
        double rankSumOfX = 0;
        for (int start = 0; start < pooled.Length;)
        {
            int end = start;
            while (end + 1 < pooled.Length && pooled[end + 1].Value == pooled[start].Value)
            {
                end++;
            }

            double meanRank = ((start + 1) + (end + 1)) / 2.0;
            for (int i = start; i <= end; i++)
            {
                if (pooled[i].First)
                {
                    rankSumOfX += meanRank;
                }
            }

            ties.Add(end - start + 1);
            start = end + 1;
        }

        int m = x.Count, n = y.Count;
        double u = rankSumOfX - (m * (m + 1.0) / 2);
        RankSumDistribution distribution = RankSumDistribution.For(m, n, ties);
        return new MannWhitneyResult(u, distribution.TwoSidedP(u), distribution);
    }
}
