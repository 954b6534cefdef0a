using System.Globalization;

namespace ActorConcurrency.Host.BenchReport;

/// <summary>
/// What a chart of one <see cref="ComparisonGroup"/> shows, apart from drawing it: its bars, error bars and labels
/// in axis units, its one unit, whether the axis is logarithmic, and its limits. Each bar is a median and its error
/// bar the median's 99.9% interval (<see cref="MedianEstimate"/>; a row without iterations is its mean, no error
/// bar). A time per operation is charted as is, lower is better; a group whose class reports a rate
/// (<see cref="ComparisonGroup.RateUnit"/>) is charted as operations per second, 1 / median, higher is better, its
/// error bar the rates at the interval's ends. Either way the axis is logarithmic when the medians span more than
/// <see cref="LogSpread"/>× (otherwise the fast forms' bars vanish beside the slow ones).
/// </summary>
/// <param name="Bars">The bars, method by method, series by series.</param>
/// <param name="Log">Whether the value axis is logarithmic (bar values are then log10 of the value).</param>
/// <param name="AxisLabel">The value axis' title: unit, scale and which way is better.</param>
/// <param name="Bottom">The axis' base: 0, or on a log axis the decade below the smallest value.</param>
/// <param name="Top">The axis' top.</param>
/// <param name="Slots">Positions per method cluster: one per series and one empty between clusters.</param>
internal sealed record ChartLayout(IReadOnlyList<ChartBar> Bars, bool Log, string AxisLabel, double Bottom, double Top, int Slots)
{
    /// <summary>Largest over smallest mean above which the value axis is logarithmic.</summary>
    public const double LogSpread = 100;

    /// <summary>Lays out <paramref name="group"/>.</summary>
    public static ChartLayout For(ComparisonGroup group)
    {
        IReadOnlyList<string> methods = group.Methods;
        IReadOnlyList<string> series = group.Series;
        string? rate = group.RateUnit;
        bool log = UsesLogAxis(group.Rows.Select(r => r.Estimate.Median));

        // The value of a row, and the values at the ends of its interval (lower first), before scaling.
        (double Value, double Low, double High) Measure(BenchmarkRow row)
        {
            MedianEstimate estimate = row.Estimate;
            double median = estimate.Median, low = estimate.Low, high = estimate.High;
            return rate is null
                ? (median, low, high)
                : (median > 0 ? 1e9 / median : 0, high > 0 ? 1e9 / high : 0, low > 0 ? 1e9 / low : double.PositiveInfinity);
        }

        double[] values = group.Rows.Select(r => Measure(r).Value).ToArray();
        double[] positive = values.Where(v => v > 0).DefaultIfEmpty(1).ToArray();
        // On a log axis the unit of the smallest value, so the small ones read as whole numbers, not 0.0001 us.
        (double scale, string unit) = rate is null
            ? UnitFor(log ? [positive.Min()] : values)
            : RateUnitFor(log ? [positive.Min()] : values, rate);
        double Axis(double v) => log ? Math.Log10(v) : v;

        // Log axis: bars rise from the decade below the smallest positive value (a value of 0 or less, which
        // BenchmarkDotNet can report for an operation it cannot see, stays a bar of no height).
        double bottom = log ? Math.Floor(Math.Log10(positive.Min() / scale)) : 0;
        int slots = series.Count + 1;
        var bars = new List<ChartBar>();
        for (int s = 0; s < series.Count; s++)
        {
            for (int m = 0; m < methods.Count; m++)
            {
                if (group.Find(methods[m], series[s]) is not { } row)
                {
                    continue;
                }

                (double value, double low, double high) = Measure(row);
                value /= scale;
                low /= scale;
                high /= scale;
                double top = value > 0 ? Axis(value) : bottom;
                bars.Add(new ChartBar(
                    s,
                    m * slots + s,
                    top,
                    low > 0 ? Math.Max(bottom, Axis(low)) : bottom,
                    // No upper end only where a rate's interval reaches a time of 0; a time whose interval ends at 0
                    // (below the timer) has an error bar of no height.
                    !double.IsFinite(high) ? double.PositiveInfinity : high > 0 ? Math.Max(top, Axis(high)) : top,
                    Number(value) + " " + unit));
            }
        }

        // An error bar with no upper end (a rate at an interval reaching 0 or below) stops at the tallest finite one.
        double dataTop = bars.Select(b => double.IsFinite(b.High) ? b.High : b.Value).DefaultIfEmpty(bottom + 1).Max();
        bars = bars.Select(b => double.IsFinite(b.High) ? b : b with { High = Math.Max(dataTop, b.Value) }).ToList();
        // Room above the highest error bar for its value label: a share of the axis, whatever its span.
        double axisTop = log
            ? Math.Max(bottom + 1, dataTop + Math.Max(0.3, 0.1 * (dataTop - bottom)))
            : Math.Max(dataTop * 1.1, bars.Select(b => b.Value).DefaultIfEmpty(1).Max() * 1.15);
        string axisLabel = rate is null
            ? $"median {unit} per op{(log ? ", log scale" : "")} (lower is better)"
            : $"median {unit}{(log ? ", log scale" : "")} (higher is better)";
        return new ChartLayout(bars, log, axisLabel, bottom, axisTop, slots);
    }

    /// <summary>Whether <paramref name="means"/> (medians, or means) span more than <see cref="LogSpread"/>×.</summary>
    public static bool UsesLogAxis(IEnumerable<double> means)
    {
        double[] positive = means.Where(m => m > 0).ToArray();
        return positive.Length > 1 && positive.Max() / positive.Min() > LogSpread;
    }

    /// <summary>The one time unit of a chart: the one that keeps the median mean readable ("us": the chart font may lack µ).</summary>
    public static (double Scale, string Unit) UnitFor(IEnumerable<double> means)
    {
        double median = Median(means);
        return median switch
        {
            >= 1_000_000 => (1_000_000, "ms"),
            >= 1_000 => (1_000, "us"),
            _ => (1, "ns"),
        };
    }

    /// <summary>The one rate unit of a chart: the one that keeps the median rate readable, e.g. "M items/s".</summary>
    public static (double Scale, string Unit) RateUnitFor(IEnumerable<double> perSecond, string what)
    {
        (double scale, string prefix) = RatePrefix(Median(perSecond));
        return (scale, prefix.Length == 0 ? $"{what}/s" : $"{prefix} {what}/s");
    }

    /// <summary>The decimal prefix that keeps <paramref name="perSecond"/> readable: G, M, k or none.</summary>
    public static (double Scale, string Prefix) RatePrefix(double perSecond) => perSecond switch
    {
        >= 1e9 => (1e9, "G"),
        >= 1e6 => (1e6, "M"),
        >= 1e3 => (1e3, "k"),
        _ => (1, ""),
    };

    /// <summary>Three significant digits, to fit above a bar.</summary>
    public static string Number(double value)
    {
        string format = value >= 100 ? "0" : value >= 10 ? "0.#" : value >= 0.1 ? "0.##" : "0.####";
        return value.ToString(format, CultureInfo.InvariantCulture);
    }

    private static double Median(IEnumerable<double> values)
    {
        double[] sorted = values.Order().ToArray();
        return sorted.Length == 0 ? 0 : sorted[sorted.Length / 2];
    }
}
