using System.Globalization;

namespace ActorConcurrency.Host.BenchReport;

/// <summary>
/// The words and numbers a <see cref="SampleComparison"/> is printed with, shared by the report's tables and
/// <c>bench-report --compare</c>, so both say a verdict the same way.
/// </summary>
internal static class ComparisonText
{
    /// <summary>"faster", "slower", "no measurable difference" or "not tested".</summary>
    public static string VerdictWord(ComparisonVerdict verdict) => verdict switch
    {
        ComparisonVerdict.Faster => "faster",
        ComparisonVerdict.Slower => "slower",
        ComparisonVerdict.NoMeasurableDifference => "no measurable difference",
        _ => "not tested",
    };

    /// <summary>The verdict with what it rests on: "faster (p < 0.0001)", "no measurable difference (p = 0.21)", "no measurable difference (p = 0.0002, under 5%)".</summary>
    public static string Verdict(SampleComparison comparison, ComparisonRule rule)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        ArgumentNullException.ThrowIfNull(rule);
        string word = VerdictWord(comparison.Verdict);
        return comparison.Verdict switch
        {
            ComparisonVerdict.NotTested => $"{word} (fewer than 2 iterations)",
            ComparisonVerdict.NoMeasurableDifference when comparison.P < rule.Alpha =>
                $"{word} ({P(comparison.P)}, under {Percent(rule.MinimumEffect)})",
            _ => $"{word} ({P(comparison.P)})",
        };
    }

    /// <summary>"p = 0.86", "p = 0.0003", "p &lt; 0.0001".</summary>
    public static string P(double p) =>
        double.IsNaN(p) ? "p = ?"
        : p < 0.0001 ? "p < 0.0001"
        : string.Create(CultureInfo.InvariantCulture, $"p = {p.ToString(p < 0.01 ? "0.0000" : "0.00", CultureInfo.InvariantCulture)}");

    /// <summary>"0.88 [0.80–0.97]"; just the ratio when there is no interval.</summary>
    public static string Ratio(SampleComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        string ratio = RatioNumber(comparison.Ratio);
        return double.IsNaN(comparison.RatioLow) ? ratio : $"{ratio} [{RatioNumber(comparison.RatioLow)}–{RatioNumber(comparison.RatioHigh)}]";
    }

    /// <summary>A change in percent with its interval: "−12.3% [−15.0%, −9.1%]" (from the ratio and its interval).</summary>
    public static string Change(SampleComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        return double.IsNaN(comparison.RatioLow) ? ChangePercent(comparison.Ratio) : $"{ChangePercent(comparison.Ratio)} {ChangeInterval(comparison)}";
    }

    /// <summary>The change's interval, "[−15.0%, −9.1%]", or "—" when it was not tested.</summary>
    public static string ChangeInterval(SampleComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        return double.IsNaN(comparison.RatioLow) ? "—" : $"[{ChangePercent(comparison.RatioLow)}, {ChangePercent(comparison.RatioHigh)}]";
    }

    /// <summary>A ratio as a signed change: 0.877 → "−12.3%", 2 → "+100%".</summary>
    public static string ChangePercent(double ratio)
    {
        double percent = (ratio - 1) * 100;
        return double.IsNaN(percent) ? "?" : (percent >= 0 ? "+" : "−") + Math.Abs(percent).ToString(Math.Abs(percent) >= 10 ? "0" : "0.0", CultureInfo.InvariantCulture) + "%";
    }

    /// <summary>"35.61 ns [35.14–36.24]": a median in the unit that keeps it readable, its interval in the same unit; just the median without an interval.</summary>
    public static string Median(MedianEstimate estimate)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        (double scale, string unit) = TimeUnit(estimate.Median);
        string median = Number(estimate.Median / scale) + " " + unit;
        return estimate.Level <= 0 ? median : $"{median} [{Number(estimate.Low / scale)}–{Number(estimate.High / scale)}]";
    }

    /// <summary>The unit that keeps <paramref name="ns"/> readable: ns, µs or ms.</summary>
    public static (double Scale, string Unit) TimeUnit(double ns) => Math.Abs(ns) switch
    {
        >= 1_000_000 => (1_000_000, "ms"),
        >= 1_000 => (1_000, "µs"),
        _ => (1, "ns"),
    };

    /// <summary>Four significant digits at most: 35.61, 1.234, 0.0949, 1234.</summary>
    public static string Number(double value)
    {
        double magnitude = Math.Abs(value);
        string format = magnitude >= 1000 ? "0" : magnitude >= 100 ? "0.#" : magnitude >= 10 ? "0.##" : magnitude >= 0.1 ? "0.###" : "0.####";
        return value.ToString(format, CultureInfo.InvariantCulture);
    }

    /// <summary>"5%".</summary>
    public static string Percent(double share) => string.Create(CultureInfo.InvariantCulture, $"{share * 100:0.##}%");

    private static string RatioNumber(double ratio) =>
        double.IsNaN(ratio) ? "—" : ratio.ToString(ratio >= 100 ? "0" : ratio >= 10 ? "0.0" : "0.00", CultureInfo.InvariantCulture);
}
