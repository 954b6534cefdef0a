namespace ActorConcurrency.Host.BenchReport;

/// <summary>
/// A candidate's times against its baseline's: both medians with their intervals, the ratio of the medians, an
/// interval for that ratio, the Mann–Whitney p-value and the verdict of a <see cref="ComparisonRule"/>. Figures only:
/// the report and <c>bench-report --compare</c> render it, specs assert on it.
/// </summary>
/// <param name="Baseline">The baseline's median and interval.</param>
/// <param name="Candidate">The candidate's median and interval.</param>
/// <param name="Ratio">Candidate median over baseline median (below 1: the candidate takes less time).</param>
/// <param name="RatioLow">Lower end of the ratio's interval (Hodges–Lehmann on log times), or NaN when not tested.</param>
/// <param name="RatioHigh">Upper end of the ratio's interval, or NaN when not tested.</param>
/// <param name="RatioLevel">The confidence the ratio's interval has (lower than the rule's level when the samples are too small for it).</param>
/// <param name="P">Two-sided Mann–Whitney p-value, or NaN when not tested.</param>
/// <param name="ExactP">Whether <paramref name="P"/> is exact rather than the normal approximation.</param>
/// <param name="Verdict">Faster, slower, or no measurable difference, by <see cref="ComparisonRule.Judge"/>.</param>
internal sealed record SampleComparison(
    MedianEstimate Baseline,
    MedianEstimate Candidate,
    double Ratio,
    double RatioLow,
    double RatioHigh,
    double RatioLevel,
    double P,
    bool ExactP,
    ComparisonVerdict Verdict)
{
    /// <summary>
    /// Whether the ratio of the medians lies outside its interval. The interval is Hodges–Lehmann's, around the typical
    /// pairwise ratio; where the two samples differ in shape or spread (one bimodal, one skewed), not only by a factor,
    /// the medians' ratio can fall outside it, and the report says so instead of showing the pair without comment.
    /// </summary>
    public bool RatioOutsideInterval => !double.IsNaN(RatioLow) && (Ratio < RatioLow || Ratio > RatioHigh);

    /// <summary>
    /// Compares <paramref name="candidate"/>'s times with <paramref name="baseline"/>'s under <paramref name="rule"/>.
    /// With fewer than two values on a side nothing is tested (<see cref="ComparisonVerdict.NotTested"/>); the ratio of
    /// the medians is still given.
    /// </summary>
    public static SampleComparison Compare(IReadOnlyList<double> baseline, IReadOnlyList<double> candidate, ComparisonRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        MedianEstimate old = MedianEstimate.Of(baseline, rule.Level);
        MedianEstimate @new = MedianEstimate.Of(candidate, rule.Level);
        double ratio = old.Median > 0 ? @new.Median / old.Median : double.NaN;
        if (baseline.Count < 2 || candidate.Count < 2)
        {
            return new SampleComparison(old, @new, ratio, double.NaN, double.NaN, double.NaN, double.NaN, false, ComparisonVerdict.NotTested);
        }

        MannWhitneyResult test = MannWhitneyTest.Run(candidate, baseline);
        (double low, double high, double level) = RatioInterval(baseline, candidate, test.Distribution, rule.Alpha);
        return new SampleComparison(old, @new, ratio, low, high, level, test.P, test.Exact, rule.Judge(test.P, ratio));
    }

    /// <summary>
    /// The interval of the ratio candidate/baseline: the Hodges–Lehmann (Moses) interval of the shift between the log
    /// times — the k-th smallest and k-th largest of the m·n differences log y<sub>j</sub> − log x<sub>i</sub>, k from
    /// the test's own null distribution — taken back out of logs. It is the interval the test inverts: it leaves out 1
    /// exactly when the (exact) test is significant. NaN when a time is not positive.
    /// </summary>
    private static (double Low, double High, double Level) RatioInterval(
        IReadOnlyList<double> baseline, IReadOnlyList<double> candidate, RankSumDistribution distribution, double alpha)
    {
        if (baseline.Concat(candidate).Any(v => v <= 0))
        {
            return (double.NaN, double.NaN, double.NaN);
        }

        var differences = new double[baseline.Count * candidate.Count];
        int d = 0;
        foreach (double y in candidate)
        {
            foreach (double x in baseline)
            {
                differences[d++] = Math.Log(y) - Math.Log(x);
            }
        }

        Array.Sort(differences);
        int k = Math.Max(1, distribution.LowerCriticalRank(alpha));
        double level = 1 - (2 * distribution.Cumulative(k - 1));
        return (Math.Exp(differences[k - 1]), Math.Exp(differences[^k]), level);
    }
}
