using System.Globalization;
using ScottPlot;

namespace ActorConcurrency.Host.BenchReport;

/// <summary>
/// The PNG bar chart of one <see cref="ComparisonGroup"/> (ScottPlot 5): one cluster of bars per method, one bar
/// per thread count in each cluster, each bar labelled with its value and drawn with its error. One time unit per
/// chart; a logarithmic axis when the means span more than <see cref="LogSpread"/>× (otherwise the fast forms'
/// bars vanish beside the slow ones); "lower is better" on the axis; the legend outside the data, on the right.
/// </summary>
internal static class BenchmarkChart
{
    public const int MinWidth = 900;
    public const int Height = 480;

    /// <summary>Largest over smallest mean above which the value axis is logarithmic.</summary>
    public const double LogSpread = 100;

    /// <summary>Room per bar, so value labels of neighbouring bars do not overlap.</summary>
    private const int PixelsPerBar = 70;

    /// <summary>Room per character of a method name under its cluster.</summary>
    private const int PixelsPerLabelChar = 9;

    /// <summary>Draws <paramref name="group"/> into <paramref name="path"/>.</summary>
    public static void Save(ComparisonGroup group, string path)
    {
        IReadOnlyList<string> methods = group.Methods;
        IReadOnlyList<string> series = group.Series;
        bool log = UsesLogAxis(group.Rows.Select(r => r.MeanNs));
        // On a log axis the unit of the smallest mean, so the fast forms read as whole numbers, not 0.0001 us.
        (double scale, string unit) = UnitFor(log ? [group.Rows.Where(r => r.MeanNs > 0).Min(r => r.MeanNs)] : group.Rows.Select(r => r.MeanNs));
        // Log axis: bars rise from the decade below the smallest positive mean (a mean of 0 or less, which
        // BenchmarkDotNet can report for an operation it cannot see, stays a bar of no height).
        double floor = log ? Math.Floor(Math.Log10(group.Rows.Where(r => r.MeanNs > 0).Min(r => r.MeanNs) / scale)) : 0;
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        int slots = series.Count + 1; // one empty slot between clusters
        for (int s = 0; s < series.Count; s++)
        {
            var bars = new List<Bar>();
            for (int m = 0; m < methods.Count; m++)
            {
                if (group.Find(methods[m], series[s]) is not { } row)
                {
                    continue;
                }

                double value = row.MeanNs / scale, error = (row.ErrorNs ?? 0) / scale;
                bars.Add(new Bar
                {
                    Position = m * slots + s,
                    Value = log ? (value > 0 ? Math.Log10(value) : floor) : value,
                    ValueBase = log ? floor : 0,
                    Error = log ? (value > 0 ? Math.Log10(value + error) - Math.Log10(value) : 0) : error,
                    FillColor = palette.GetColor(s),
                    Label = Number(value) + " " + unit,
                });
            }

            var plotted = plot.Add.Bars(bars);
            plotted.ValueLabelStyle.FontSize = 10;
            if (group.ThreadParameter is not null)
            {
                plot.Legend.ManualItems.Add(new LegendItem
                {
                    LabelText = series[s] == "1" ? "1 thread" : $"{series[s]} threads",
                    FillColor = palette.GetColor(s),
                });
            }
        }

        double[] ticks = methods.Select((_, m) => m * slots + (series.Count - 1) / 2.0).ToArray();
        string[] labels = methods.Select(m => group.Rows.Any(r => r.Method == m && r.Baseline == true) ? $"{m}\n(baseline)" : m).ToArray();
        plot.Axes.Bottom.SetTicks(ticks, labels);
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        if (log)
        {
            double top = Math.Max(floor + 1, Math.Ceiling(Math.Log10(group.Rows.Max(r => (r.MeanNs + (r.ErrorNs ?? 0)) / scale))) + 0.3);
            double[] decades = Enumerable.Range(0, (int)Math.Ceiling(top - floor) + 1).Select(i => floor + i).Where(d => d <= top).ToArray();
            plot.Axes.Left.SetTicks(decades, decades.Select(d => d >= 0
                ? Math.Pow(10, d).ToString("N0", CultureInfo.InvariantCulture)
                : Math.Pow(10, d).ToString("0." + new string('#', (int)-d), CultureInfo.InvariantCulture)).ToArray());
            plot.Axes.SetLimitsY(floor, top + 0.2);
        }
        else
        {
            // From zero: a time is never negative, even when a short run's error bar would reach below it.
            double top = group.Rows.Max(r => (r.MeanNs + (r.ErrorNs ?? 0)) / scale);
            plot.Axes.SetLimitsY(0, Math.Max(top, group.Rows.Max(r => r.MeanNs / scale) * 1.15) * 1.05);
        }

        plot.YLabel($"{unit} per op{(log ? ", log scale" : "")} (lower is better)");
        plot.Title(JobNote(group) is { } note ? $"{group.Title}\n{note}" : group.Title);
        if (group.ThreadParameter is not null)
        {
            plot.ShowLegend(Edge.Right); // outside the data area: it can never cover a bar or its label
        }

        // Each cluster as wide as its bars or its label, so method names never run into each other.
        int cluster = Math.Max(slots * PixelsPerBar, (methods.Max(m => m.Length) * PixelsPerLabelChar) + 20);
        int width = Math.Max(MinWidth, (methods.Count * cluster) + 250);
        plot.SavePng(path, width, Height);
    }

    /// <summary>Whether <paramref name="means"/> span more than <see cref="LogSpread"/>×.</summary>
    public static bool UsesLogAxis(IEnumerable<double> means)
    {
        double[] positive = means.Where(m => m > 0).ToArray();
        return positive.Length > 1 && positive.Max() / positive.Min() > LogSpread;
    }

    /// <summary>The one unit of a chart: the one that keeps the median mean readable ("us": the chart font may lack µ).</summary>
    public static (double Scale, string Unit) UnitFor(IEnumerable<double> means)
    {
        double[] sorted = means.Order().ToArray();
        double median = sorted.Length == 0 ? 0 : sorted[sorted.Length / 2];
        return median switch
        {
            >= 1_000_000 => (1_000_000, "ms"),
            >= 1_000 => (1_000, "us"),
            _ => (1, "ns"),
        };
    }

    /// <summary>Three significant digits and an ASCII unit, to fit above a bar.</summary>
    public static string ShortLabel(double ns)
    {
        (double scale, string unit) = UnitFor([ns]);
        return Number(ns / scale) + " " + unit;
    }

    /// <summary>A time in the unit that keeps it readable.</summary>
    public static string FormatNs(double ns) => ns switch
    {
        >= 1_000_000 => string.Create(CultureInfo.InvariantCulture, $"{ns / 1_000_000:0.##} ms"),
        >= 1_000 => string.Create(CultureInfo.InvariantCulture, $"{ns / 1_000:0.##} µs"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{ns:0.##} ns"),
    };

    private static string Number(double value)
    {
        string format = value >= 100 ? "0" : value >= 10 ? "0.#" : value >= 0.1 ? "0.##" : "0.####";
        return value.ToString(format, CultureInfo.InvariantCulture);
    }

    /// <summary>A warning under the title when the job measured little or nothing.</summary>
    private static string? JobNote(ComparisonGroup group)
    {
        BenchmarkJob[] jobs = [.. group.Jobs];
        return jobs.Any(j => j.IsDry) ? "DRY RUN: one cold iteration, not a measurement"
            : jobs.Any(j => j.IsShort) ? $"{jobs.First(j => j.IsShort).Description}: indicative"
            : null;
    }
}
