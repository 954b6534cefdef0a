using System.Globalization;
using ScottPlot;

namespace ActorConcurrency.Host.BenchReport;

/// <summary>
/// The PNG bar chart of one <see cref="ComparisonGroup"/> (ScottPlot 5): one cluster of bars per method,
/// one bar per thread count in each cluster, mean nanoseconds per operation on the vertical axis, each bar
/// labelled with its value so the chart reads without the table.
/// </summary>
internal static class BenchmarkChart
{
    public const int MinWidth = 900;
    public const int Height = 480;

    /// <summary>Room per bar, so value labels of neighbouring bars do not overlap.</summary>
    private const int PixelsPerBar = 70;

    /// <summary>Draws <paramref name="group"/> into <paramref name="path"/>.</summary>
    public static void Save(ComparisonGroup group, string path)
    {
        IReadOnlyList<string> methods = group.Methods;
        IReadOnlyList<string> series = group.Series;
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        int slots = series.Count + 1; // one empty slot between clusters
        for (int s = 0; s < series.Count; s++)
        {
            var bars = new List<Bar>();
            for (int m = 0; m < methods.Count; m++)
            {
                if (group.Find(methods[m], series[s]) is { } row)
                {
                    bars.Add(new Bar
                    {
                        Position = m * slots + s,
                        Value = row.MeanNs,
                        FillColor = palette.GetColor(s),
                        Label = ShortLabel(row.MeanNs),
                    });
                }
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
        plot.Axes.Margins(bottom: 0, top: 0.15);
        plot.YLabel("mean ns per operation");
        plot.Title(group.Title);
        if (group.ThreadParameter is not null)
        {
            plot.ShowLegend(Alignment.UpperRight);
        }

        int width = Math.Max(MinWidth, (methods.Count * slots * PixelsPerBar) + 150);
        plot.SavePng(path, width, Height);
    }

    /// <summary>Three significant digits and an ASCII unit ("us": the chart font may lack µ), to fit above a bar.</summary>
    public static string ShortLabel(double ns)
    {
        (double value, string unit) = ns switch
        {
            >= 1_000_000 => (ns / 1_000_000, "ms"),
            >= 1_000 => (ns / 1_000, "us"),
            _ => (ns, "ns"),
        };
        string format = value >= 100 ? "0" : value >= 10 ? "0.#" : "0.##";
        return value.ToString(format, CultureInfo.InvariantCulture) + " " + unit;
    }

    /// <summary>A time in the unit that keeps it readable.</summary>
    public static string FormatNs(double ns) => ns switch
    {
        >= 1_000_000 => string.Create(CultureInfo.InvariantCulture, $"{ns / 1_000_000:0.##} ms"),
        >= 1_000 => string.Create(CultureInfo.InvariantCulture, $"{ns / 1_000:0.##} µs"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{ns:0.##} ns"),
    };
}
