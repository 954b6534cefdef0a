using System.Globalization;
using ScottPlot;

namespace ActorConcurrency.Host.BenchReport;

/// <summary>
/// The PNG bar chart of one <see cref="ComparisonGroup"/> (ScottPlot 5), drawn from its <see cref="ChartLayout"/>:
/// one cluster of bars per method, one bar per thread count in each cluster, each bar the median labelled with its
/// value and drawn with the median's 99.9% interval as its error bar. One unit per chart, which way is better on the axis, the legend outside the data, on
/// the right.
/// </summary>
internal static class BenchmarkChart
{
    public const int MinWidth = 900;
    public const int Height = 480;

    /// <summary>Least room per bar; more when the value labels are wider, so labels of neighbouring bars never overlap.</summary>
    private const int PixelsPerBar = 70;

    /// <summary>Room per character of a value label (10 pt).</summary>
    private const int PixelsPerValueChar = 7;

    /// <summary>Room per character of a method name under its cluster.</summary>
    private const int PixelsPerLabelChar = 9;

    /// <summary>Draws <paramref name="group"/> into <paramref name="path"/>.</summary>
    public static void Save(ComparisonGroup group, string path)
    {
        (Plot plot, int width) = Build(group);
        plot.SavePng(path, width, Height);
    }

    /// <summary>The chart of <paramref name="group"/>, ready to save, and the width it needs.</summary>
    public static (Plot Plot, int Width) Build(ComparisonGroup group)
    {
        ChartLayout layout = ChartLayout.For(group);
        IReadOnlyList<string> methods = group.Methods;
        IReadOnlyList<string> series = group.Series;
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        for (int s = 0; s < series.Count; s++)
        {
            var bars = layout.Bars.Where(b => b.Series == s).Select(b => new Bar
            {
                Position = b.Position,
                Value = b.Value,
                ValueBase = layout.Bottom,
                FillColor = palette.GetColor(s),
            }).ToList();
            plot.Add.Bars(bars);
            if (group.ThreadParameter is not null)
            {
                plot.Legend.ManualItems.Add(new LegendItem
                {
                    LabelText = series[s] == "1" ? "1 thread" : $"{series[s]} threads",
                    FillColor = palette.GetColor(s),
                });
            }
        }

        // Error bars over the median's interval (for a rate, the rates at its ends): not symmetric in general.
        var errors = plot.Add.ErrorBar(
            layout.Bars.Select(b => b.Position).ToArray(),
            layout.Bars.Select(b => b.Value).ToArray(),
            layout.Bars.Select(b => b.High - b.Value).ToArray());
        errors.YErrorNegative = layout.Bars.Select(b => b.Value - b.Low).ToArray();
        errors.Color = Colors.Black;
        errors.CapSize = 8;

        // Value labels drawn last, above the top of each bar's error bar, so neither hides the other: every bar carries
        // one where it can be read, a bar below 1 on a log axis (a negative axis value) as well as a tall one.
        foreach (ChartBar bar in layout.Bars)
        {
            var label = plot.Add.Text(bar.Label, bar.Position, bar.High);
            label.Alignment = Alignment.LowerCenter;
            label.OffsetY = -3;
            label.LabelFontSize = 10;
            label.LabelBackgroundColor = Colors.White.WithAlpha(0.85);
            label.LabelPadding = 1;
        }

        double[] ticks = methods.Select((_, m) => m * layout.Slots + (series.Count - 1) / 2.0).ToArray();
        string[] labels = methods.Select(m => group.Rows.Any(r => r.Method == m && r.Baseline == true) ? $"{m}\n(baseline)" : m).ToArray();
        plot.Axes.Bottom.SetTicks(ticks, labels);
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        if (layout.Log)
        {
            double[] decades = Enumerable.Range(0, (int)Math.Floor(layout.Top - layout.Bottom) + 1).Select(i => layout.Bottom + i).ToArray();
            plot.Axes.Left.SetTicks(decades, decades.Select(d => d >= 0
                ? Math.Pow(10, d).ToString("N0", CultureInfo.InvariantCulture)
                : Math.Pow(10, d).ToString("0." + new string('#', (int)-d), CultureInfo.InvariantCulture)).ToArray());
        }

        plot.Axes.SetLimitsY(layout.Bottom, layout.Top);
        plot.YLabel(layout.AxisLabel);
        plot.Title(JobNote(group) is { } note ? $"{group.Title}\n{note}" : group.Title);
        if (group.ThreadParameter is not null)
        {
            plot.ShowLegend(Edge.Right); // outside the data area: it can never cover a bar or its label
        }

        // Each cluster as wide as its bars' labels or its name, so neither value labels nor method names run into each other.
        int perBar = Math.Max(PixelsPerBar, (layout.Bars.Select(b => b.Label.Length).DefaultIfEmpty(0).Max() * PixelsPerValueChar) + 12);
        int cluster = Math.Max(layout.Slots * perBar, (methods.Max(m => m.Length) * PixelsPerLabelChar) + 20);
        int width = Math.Max(MinWidth, (methods.Count * cluster) + 250);
        return (plot, width);
    }

    /// <summary>A time in the unit that keeps it readable.</summary>
    public static string FormatNs(double ns) => ns switch
    {
        >= 1_000_000 => string.Create(CultureInfo.InvariantCulture, $"{ns / 1_000_000:0.##} ms"),
        >= 1_000 => string.Create(CultureInfo.InvariantCulture, $"{ns / 1_000:0.##} µs"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{ns:0.##} ns"),
    };

    /// <summary>The rate of one operation per <paramref name="ns"/>, with the prefix that keeps it readable, e.g. "5.46 M".</summary>
    public static string FormatRate(double ns)
    {
        if (ns <= 0)
        {
            return "—";
        }

        (double scale, string prefix) = ChartLayout.RatePrefix(1e9 / ns);
        return ChartLayout.Number(1e9 / ns / scale) + (prefix.Length == 0 ? "" : " " + prefix);
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
