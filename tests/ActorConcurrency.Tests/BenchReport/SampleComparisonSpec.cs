using ActorConcurrency.Host.BenchReport;

namespace ActorConcurrency.Tests.BenchReport;

/// <summary>
/// The statistics behind every verdict of <c>bench-report</c>: Mann–Whitney U and its p-value (exact and
/// tie-corrected normal), the distribution-free interval of a median, the Hodges–Lehmann interval of a ratio, and the
/// rule that turns them into faster / slower / no measurable difference.
/// </summary>
public sealed class SampleComparisonSpec
{
    private static readonly ComparisonRule Rule = ComparisonRule.Default;

    [Fact]
    public void A_known_pair_with_ties_gives_the_published_U_and_p()
    {
        // ClickHouse's mannWhitneyUTest test data (tests/queries/0_stateless/01560_mann_whitney.sql): U = 223 and
        // p = 0.5426959774289482, two-sided, tie-corrected normal approximation with continuity correction.
        double[] left = [310, 195, 530, 155, 530, 245, 385, 450, 465, 545, 170, 180, 125, 180, 230, 75, 430, 480, 495, 295];
        double[] right = [116, 171, 176, 421, 111, 326, 481, 111, 346, 441, 261, 411, 206, 521, 456, 446, 296, 51, 426, 261];

        MannWhitneyResult result = MannWhitneyTest.Run(left, right);

        Assert.Equal(223, result.U);
        Assert.False(result.Exact); // tied values: the normal approximation
        Assert.Equal(0.5426959774289482, result.P, 1e-12);
    }

    [Fact]
    public void A_small_untied_pair_gets_the_exact_p_of_enumerating_every_ordering()
    {
        // All C(13, 6) = 1716 orderings enumerated by brute force: U = 36 of 42, P(U ≥ 36) = 30/1716, two-sided 0.034965…
        MannWhitneyResult result = MannWhitneyTest.Run([5, 7, 9, 11, 13, 15], [1, 2, 3, 4, 6, 8, 10]);

        Assert.Equal(36, result.U);
        Assert.True(result.Exact);
        Assert.Equal(60.0 / 1716, result.P, 1e-12);
    }

    [Fact]
    public void Three_against_three_can_never_be_significant_at_the_report_threshold()
    {
        // Complete separation of 3 and 3 is 2 of the 20 orderings: p = 0.1, the smallest p a ShortRun pair can reach.
        MannWhitneyResult result = MannWhitneyTest.Run([1, 2, 3], [4, 5, 6]);
        SampleComparison comparison = SampleComparison.Compare([100, 101, 102], [200, 201, 202], Rule);

        Assert.Equal(0, result.U);
        Assert.Equal(0.1, result.P, 1e-12);
        Assert.Equal(ComparisonVerdict.NoMeasurableDifference, comparison.Verdict);
        Assert.Equal(201.0 / 101, comparison.Ratio, 10);
        Assert.True(comparison.RatioLevel < Rule.Level, "three iterations cannot give a 99.9% interval, and the level says so");
    }

    [Fact]
    public void Identical_samples_give_no_measurable_difference()
    {
        double[] sample = Noisy(100, 30, seed: 1);

        SampleComparison comparison = SampleComparison.Compare(sample, sample, Rule);

        Assert.Equal(1, comparison.P, 1e-9);
        Assert.Equal(1, comparison.Ratio);
        Assert.Equal(ComparisonVerdict.NoMeasurableDifference, comparison.Verdict);
        Assert.InRange(1.0, comparison.RatioLow, comparison.RatioHigh);
    }

    [Fact]
    public void A_clear_2x_is_slower_and_its_half_is_faster()
    {
        double[] baseline = Noisy(100, 30, seed: 2);
        double[] twice = Noisy(200, 30, seed: 3);
        double[] half = Noisy(50, 30, seed: 4);

        SampleComparison slower = SampleComparison.Compare(baseline, twice, Rule);
        SampleComparison faster = SampleComparison.Compare(baseline, half, Rule);

        Assert.Equal(ComparisonVerdict.Slower, slower.Verdict);
        Assert.True(slower.P < 1e-6, $"p = {slower.P}");
        Assert.InRange(slower.Ratio, 1.9, 2.1);
        Assert.InRange(2.0, slower.RatioLow, slower.RatioHigh);
        Assert.True(slower.RatioLevel >= Rule.Level);
        Assert.Equal(ComparisonVerdict.Faster, faster.Verdict);
        Assert.InRange(0.5, faster.RatioLow, faster.RatioHigh);
    }

    [Fact]
    public void A_significant_difference_under_the_minimum_effect_is_no_measurable_difference()
    {
        double[] baseline = Noisy(100, 30, seed: 5, spread: 0.001);
        double[] twoPercentMore = Noisy(102, 30, seed: 6, spread: 0.001);

        SampleComparison comparison = SampleComparison.Compare(baseline, twoPercentMore, Rule);

        Assert.True(comparison.P < Rule.Alpha, $"p = {comparison.P}: the shift is certain");
        Assert.Equal(ComparisonVerdict.NoMeasurableDifference, comparison.Verdict); // but smaller than 5%
    }

    [Fact]
    public void The_ratio_interval_leaves_out_1_exactly_when_the_exact_test_is_significant()
    {
        // Overlapping samples shifted by steps: as the shift grows the test turns significant and the interval leaves 1 at the same step.
        double[] baseline = Noisy(100, 20, seed: 7, spread: 0.05);
        for (double shift = 1.0; shift < 1.2; shift += 0.005)
        {
            double[] candidate = Noisy(100 * shift, 20, seed: 8, spread: 0.05);
            SampleComparison comparison = SampleComparison.Compare(baseline, candidate, Rule);

            Assert.True(comparison.ExactP);
            Assert.Equal(comparison.P < Rule.Alpha, comparison.RatioLow > 1 || comparison.RatioHigh < 1);
        }
    }

    [Fact]
    public void One_iteration_is_not_tested()
    {
        SampleComparison comparison = SampleComparison.Compare([100], [200], Rule);

        Assert.Equal(ComparisonVerdict.NotTested, comparison.Verdict);
        Assert.Equal(2, comparison.Ratio);
        Assert.True(double.IsNaN(comparison.P));
    }

    [Theory]
    [InlineData(15, 2, 1 - (2 * 16.0 / 32768))] // x(2) … x(14): 99.902%
    [InlineData(30, 6, 0.9996750857681036)] // x(6) … x(25)
    [InlineData(9, 1, 1 - (2.0 / 512))] // too few for 99.9%: the whole range covers 99.61% and says so
    public void The_median_interval_is_the_order_statistics_with_at_least_the_level(int n, int rank, double level)
    {
        (int r, double achieved) = MedianEstimate.OrderStatisticRank(n, Rule.Level);

        Assert.Equal(rank, r);
        Assert.Equal(level, achieved, 5);
        MedianEstimate estimate = MedianEstimate.Of(Enumerable.Range(1, n).Select(i => (double)i).Reverse().ToArray(), Rule.Level);
        Assert.Equal((rank, n - rank + 1), ((int)estimate.Low, (int)estimate.High));
        Assert.Equal((n + 1) / 2.0, estimate.Median);
        Assert.Equal(level >= Rule.Level, estimate.IsPrecise(Rule.Level, double.PositiveInfinity));
    }

    [Fact]
    public void A_median_is_precise_when_its_interval_is_within_10_percent()
    {
        MedianEstimate tight = MedianEstimate.Of(Noisy(100, 30, seed: 9, spread: 0.02), Rule.Level);
        MedianEstimate wide = MedianEstimate.Of(Noisy(100, 30, seed: 10, spread: 0.6), Rule.Level);

        Assert.True(tight.IsPrecise(Rule.Level, Rule.PrecisionTarget), $"half-width {tight.RelativeHalfWidth:P1}");
        Assert.False(wide.IsPrecise(Rule.Level, Rule.PrecisionTarget), $"half-width {wide.RelativeHalfWidth:P1}");
    }

    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(1.0, 0.15729920705028513)]
    [InlineData(1.9, 0.0072095707647425325)]
    [InlineData(2.5, 0.0004069520174449589)]
    [InlineData(4.0, 1.541725790028002e-08)]
    [InlineData(-1.0, 1.8427007929497148)]
    public void Erfc_matches_reference_values(double x, double expected)
    {
        Assert.Equal(1, Normal.Erfc(x) / expected, 12);
    }

    [Fact]
    public void The_exact_and_normal_forms_agree_where_they_meet()
    {
        double[] x = Noisy(100, 50, seed: 11, spread: 0.1), y = Noisy(104, 50, seed: 12, spread: 0.1);
        MannWhitneyResult exact = MannWhitneyTest.Run(x, y);
        RankSumDistribution normal = RankSumDistribution.For(50, 50, [2]); // one tied pair forces the normal form

        Assert.True(exact.Exact);
        Assert.False(normal.Exact);
        Assert.Equal(exact.P, normal.TwoSidedP(exact.U), 2);
    }

    /// <summary>n times spread around <paramref name="centre"/>, deterministic per seed, all positive.</summary>
    private static double[] Noisy(double centre, int n, int seed, double spread = 0.05)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, n).Select(_ => centre * (1 + (spread * ((2 * random.NextDouble()) - 1))))];
    }

    [Theory]
    [InlineData(6.74, 4.83, 6.47, true)] // the report's CounterBenchmarks MonitorLock at 2 threads, 2026-12-07: a bimodal baseline
    [InlineData(33.2, 34.5, 42.8, true)]
    [InlineData(1.00, 0.97, 1.02, false)]
    [InlineData(1.02, double.NaN, double.NaN, false)] // not tested: nothing to compare with
    public void A_ratio_of_medians_outside_its_interval_is_recognised(double ratio, double low, double high, bool outside)
    {
        var estimate = new MedianEstimate(240, 10, 9, 11, 0.999);
        var comparison = new SampleComparison(estimate, estimate, ratio, low, high, 0.999, 0.0001, false, ComparisonVerdict.Slower);

        Assert.Equal(outside, comparison.RatioOutsideInterval);
    }

    [Fact]
    public void A_row_whose_ratio_of_medians_lies_outside_its_interval_says_so_in_its_notes()
    {
        var estimate = new MedianEstimate(240, 10, 9.9, 10.1, 0.999);
        var run = new BenchmarkRun("run-report-full.json", "Test CPU", new DateTime(2026, 12, 7, 10, 0, 0, DateTimeKind.Utc));
        var row = new BenchmarkRow("Fake.T.M", "T", "M", [], 10, null, false, "", run, Median: estimate);
        var outside = new SampleComparison(estimate, estimate, 6.74, 4.83, 6.47, 0.999, 0.0001, false, ComparisonVerdict.Slower);
        var inside = outside with { Ratio = 6.0 };

        Assert.Contains("the ratio of medians lies outside the ratio's interval", RowNotes.Notes(row, outside, Rule));
        Assert.DoesNotContain("outside", RowNotes.Notes(row, inside, Rule));
    }
}
