namespace ActorConcurrency.Host.BenchReport;

/// <summary>
/// The distribution of the Mann–Whitney U statistic of samples of sizes m and n when both come from one
/// distribution (the null hypothesis). Exact — every one of the C(m+n, m) orderings equally likely — when no value
/// is tied and m·n is at most <see cref="ExactLimit"/>; otherwise the normal approximation with the tie correction
/// of the variance and a continuity correction of one half.
/// </summary>
internal sealed class RankSumDistribution
{
    /// <summary>Largest m·n for which the exact distribution is computed (50 × 50): beyond it the normal form is as good.</summary>
    public const int ExactLimit = 2_500;

    /// <summary>P(U ≤ u) for u = 0 … m·n, or null for the normal form.</summary>
    private readonly double[]? _cumulative;

    private readonly double _mean;
    private readonly double _sd;

    private RankSumDistribution(int m, int n, double[]? cumulative, double sd)
    {
        M = m;
        N = n;
        _cumulative = cumulative;
        _mean = m * (double)n / 2;
        _sd = sd;
    }

    /// <summary>Size of the first sample.</summary>
    public int M { get; }

    /// <summary>Size of the second sample.</summary>
    public int N { get; }

    /// <summary>Whether probabilities are exact (no ties, small samples) rather than the normal approximation.</summary>
    public bool Exact => _cumulative is not null;

    /// <summary>
    /// The distribution for samples of sizes <paramref name="m"/> and <paramref name="n"/>; <paramref name="tieSizes"/>
    /// lists how many values share each tied value of the pooled sample (empty when no two values are equal).
    /// </summary>
    public static RankSumDistribution For(int m, int n, IReadOnlyCollection<int> tieSizes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(m, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        ArgumentNullException.ThrowIfNull(tieSizes);
        bool ties = tieSizes.Any(t => t > 1);
        if (!ties && (long)m * n <= ExactLimit)
        {
            return new RankSumDistribution(m, n, ExactCumulative(m, n), 0);
        }

        double total = m + n;
        double tieTerm = tieSizes.Sum(t => ((double)t * t * t) - t);
        double variance = m * (double)n / 12 * (total + 1 - (tieTerm / (total * (total - 1))));
        return new RankSumDistribution(m, n, null, Math.Sqrt(Math.Max(0, variance)));
    }

    /// <summary>P(U ≤ <paramref name="u"/>).</summary>
    public double Cumulative(double u)
    {
        if (_cumulative is { } exact)
        {
            return u < 0 ? 0 : u >= exact.Length - 1 ? 1 : exact[(int)Math.Floor(u)];
        }

        if (_sd == 0)
        {
            // Every value tied: U is m·n/2 whatever the order.
            return u >= _mean ? 1 : 0;
        }

        return Normal.UpperTail((_mean - u - 0.5) / _sd);
    }

    /// <summary>The two-sided p-value of an observed <paramref name="u"/>: twice the smaller tail, at most 1.</summary>
    public double TwoSidedP(double u)
    {
        // By symmetry P(U ≥ u) = P(U ≤ m·n − u): the smaller tail is the one below min(u, m·n − u).
        double lower = Math.Min(u, (M * (double)N) - u);
        return Math.Min(1, 2 * Cumulative(lower));
    }

    /// <summary>
    /// The largest k ≥ 1 with P(U ≤ k − 1) ≤ <paramref name="alpha"/>/2 — the rank of the lower end of the
    /// Hodges–Lehmann interval among the m·n pairwise differences — or 0 when even k = 1 fails (the samples are too
    /// small for that confidence).
    /// </summary>
    public int LowerCriticalRank(double alpha)
    {
        // P(U ≤ k − 1) grows with k: binary search for the last k that keeps it within α/2.
        int low = 0, high = M * N / 2;
        while (low < high)
        {
            int k = low + ((high - low + 1) / 2);
            if (Cumulative(k - 1) <= alpha / 2)
            {
                low = k;
            }
            else
            {
                high = k - 1;
            }
        }

        return low;
    }

    /// <summary>
    /// P(U ≤ u) for every u by the recurrence p(u; i, j) = i/(i+j)·p(u − j; i − 1, j) + j/(i+j)·p(u; i, j − 1): the
    /// largest value of the pooled sample is either the last of the first sample (it beats all j of the second) or of
    /// the second. Only additions of probabilities, so nothing cancels.
    /// </summary>
    private static double[] ExactCumulative(int m, int n)
    {
        // previous[j] = distribution for (i − 1, j); current[j] for (i, j).
        var previous = new double[n + 1][];
        for (int j = 0; j <= n; j++)
        {
            previous[j] = [1]; // i = 0: U is 0
        }

        for (int i = 1; i <= m; i++)
        {
            var current = new double[n + 1][];
            current[0] = [1]; // j = 0: U is 0
            for (int j = 1; j <= n; j++)
            {
                var p = new double[(i * j) + 1];
                double first = i / (double)(i + j), second = j / (double)(i + j);
                double[] withoutFirst = previous[j], withoutSecond = current[j - 1];
                for (int u = 0; u < withoutFirst.Length; u++)
                {
                    p[u + j] += first * withoutFirst[u];
                }

                for (int u = 0; u < withoutSecond.Length; u++)
                {
                    p[u] += second * withoutSecond[u];
                }

                current[j] = p;
            }

            previous = current;
        }

        double[] density = previous[n];
        var cumulative = new double[density.Length];
        double sum = 0;
        for (int u = 0; u < density.Length; u++)
        {
            sum += density[u];
            cumulative[u] = Math.Min(1, sum);
        }

        return cumulative;
    }
}
