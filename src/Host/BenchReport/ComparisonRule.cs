namespace ActorConcurrency.Host.BenchReport;

/// <summary>
/// When a difference counts: a two-sided Mann–Whitney test below <see cref="Alpha"/> and medians at least
/// <see cref="MinimumEffect"/> apart. The same <see cref="Level"/> (1 − α) is the confidence of every interval, and a
/// median is precise when its interval's half-width is under <see cref="PrecisionTarget"/> of it.
/// </summary>
/// <param name="Alpha">Significance threshold of the two-sided test (0.001: a report tests about a hundred pairs).</param>
/// <param name="MinimumEffect">Least relative difference of the medians worth a verdict (0.05: ratio ≤ 0.95 or ≥ 1.05).</param>
/// <param name="PrecisionTarget">Largest half-width of a median's interval, relative to the median, that counts as precise.</param>
internal sealed record ComparisonRule(double Alpha, double MinimumEffect, double PrecisionTarget)
{
    /// <summary>The report's rule: α = 0.001 (99.9% intervals), 5% minimum effect, 10% precision.</summary>
    public static ComparisonRule Default { get; } = new(0.001, 0.05, 0.10);

    /// <summary>Confidence of every interval: 1 − α.</summary>
    public double Level => 1 - Alpha;

    /// <summary>The verdict for a test's <paramref name="p"/> and a ratio of medians (candidate over baseline).</summary>
    public ComparisonVerdict Judge(double p, double ratio) =>
        double.IsNaN(p) || double.IsNaN(ratio) ? ComparisonVerdict.NotTested
        : p >= Alpha ? ComparisonVerdict.NoMeasurableDifference
        : ratio >= 1 + MinimumEffect ? ComparisonVerdict.Slower
        : ratio <= 1 - MinimumEffect ? ComparisonVerdict.Faster
        : ComparisonVerdict.NoMeasurableDifference;

    /// <summary>"two-sided Mann–Whitney U test p &lt; 0.001 and medians at least 5% apart", for page headers.</summary>
    public string Describe() => string.Create(
        System.Globalization.CultureInfo.InvariantCulture,
        $"two-sided Mann–Whitney U test p < {Alpha} and medians at least {MinimumEffect * 100:0.#}% apart");
}
