namespace ActorConcurrency.Host.BenchReport;

/// <summary>
/// The median of a sample with a distribution-free confidence interval: the order statistics x<sub>(l)</sub> and
/// x<sub>(n−l+1)</sub>, l the largest rank for which the median lies between them with at least the asked
/// confidence (the count of values below the median is Binomial(n, ½)). A sample too small for that confidence
/// gets its whole range and the (lower) confidence that range has, in <see cref="Level"/>.
/// </summary>
/// <param name="N">Values in the sample.</param>
/// <param name="Median">The sample median (the mean of the middle two for an even count).</param>
/// <param name="Low">Lower end of the interval.</param>
/// <param name="High">Upper end of the interval.</param>
/// <param name="Level">The confidence the interval has (at least the level asked for, unless the sample is too small).</param>
internal sealed record MedianEstimate(int N, double Median, double Low, double High, double Level)
{
    /// <summary>The estimate of <paramref name="values"/> at <paramref name="level"/> confidence (e.g. 0.999).</summary>
    public static MedianEstimate Of(IReadOnlyList<double> values, double level)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            throw new ArgumentException("the sample is empty", nameof(values));
        }

        if (level is <= 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, "a confidence level is between 0 and 1");
        }

        double[] sorted = [.. values.Order()];
        int n = sorted.Length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[(n / 2) - 1] + sorted[n / 2]) / 2;
        (int rank, double achieved) = OrderStatisticRank(n, level);
        return new MedianEstimate(n, median, sorted[rank - 1], sorted[n - rank], achieved);
    }

    /// <summary>Half the interval's width over the median: the precision the report asks to be under 10%.</summary>
    public double RelativeHalfWidth => Median > 0 ? (High - Low) / 2 / Median : double.PositiveInfinity;

    /// <summary>Whether the interval has the confidence <paramref name="level"/> and is narrower than <paramref name="relativeHalfWidth"/> of the median each side.</summary>
    public bool IsPrecise(double level, double relativeHalfWidth) => Level >= level && RelativeHalfWidth < relativeHalfWidth;

    /// <summary>
    /// The largest l (1-based) with 2·P(B ≤ l − 1) ≤ 1 − <paramref name="level"/>, B ~ Binomial(n, ½), and the
    /// confidence 1 − 2·P(B ≤ l − 1) it gives; l = 1 (the whole range) when even that misses the level.
    /// </summary>
    internal static (int Rank, double Level) OrderStatisticRank(int n, double level)
    {
        double alpha = 1 - level;
        int rank = 1;
        double below = BinomialHalfCumulative(n, 0); // P(B ≤ rank − 1)
        while (rank < (n + 1) / 2)
        {
            double next = BinomialHalfCumulative(n, rank);
            if (2 * next > alpha)
            {
                break;
            }

            rank++;
            below = next;
        }

        return (rank, Math.Max(0, 1 - (2 * below)));
    }

    /// <summary>P(B ≤ k) for B ~ Binomial(n, ½), summed in log space so large n does not overflow.</summary>
    private static double BinomialHalfCumulative(int n, int k)
    {
        double sum = 0;
        double logChoose = 0; // log C(n, 0)
        double logHalfPower = n * Math.Log(0.5);
        for (int j = 0; j <= k; j++)
        {
            if (j > 0)
            {
                logChoose += Math.Log(n - j + 1) - Math.Log(j);
            }

            sum += Math.Exp(logChoose + logHalfPower);
        }

        return Math.Min(1, sum);
    }
}
