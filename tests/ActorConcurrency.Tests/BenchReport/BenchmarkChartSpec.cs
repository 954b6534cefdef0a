using ActorConcurrency.Host.BenchReport;
using ScottPlot;
using ScottPlot.Plottables;

namespace ActorConcurrency.Tests.BenchReport;

/// <summary>
/// What a <c>bench-report</c> chart shows, from its layout: each bar a median with its interval as the error bar; a
/// rate is charted as operations per second, higher is better, with the error bar of the rates at the interval's ends;
/// a time per operation, lower is better; and every bar carries its value label above its error bar, inside the axis
/// (on a log axis below 1 ns too).
/// </summary>
public sealed class BenchmarkChartSpec
{
    [Fact]
    public void A_rate_is_charted_per_second_with_higher_is_better()
    {
        // 200 ns per item is 5 M items/s; ± 50 ns is 4 to 6.67 M items/s.
        ComparisonGroup group = Group("items", ("Simple", 200, 50, true), ("Padded", 100, 10, false));

        ChartLayout layout = ChartLayout.For(group);

        Assert.False(layout.Log);
        Assert.Equal("median M items/s (higher is better)", layout.AxisLabel);
        ChartBar simple = layout.Bars[0];
        Assert.Equal(5, simple.Value, 6);
        Assert.Equal(4, simple.Low, 6);
        Assert.Equal(1e9 / 150 / 1e6, simple.High, 6);
        Assert.Equal("5 M items/s", simple.Label);
        Assert.Equal("10 M items/s", layout.Bars[1].Label);
        Assert.True(layout.Top > layout.Bars.Max(b => b.High));
    }

    [Fact]
    public void A_time_per_operation_is_charted_with_lower_is_better()
    {
        ComparisonGroup group = Group(rate: null, ("Simple", 200, 50, true), ("Padded", 100, 10, false));

        ChartLayout layout = ChartLayout.For(group);

        Assert.Equal("median ns per op (lower is better)", layout.AxisLabel);
        Assert.Equal((200.0, 150.0, 250.0), (layout.Bars[0].Value, layout.Bars[0].Low, layout.Bars[0].High));
        Assert.Equal("200 ns", layout.Bars[0].Label);
    }

    [Fact]
    public void A_rate_spanning_more_than_100x_is_on_a_log_axis_in_the_unit_of_the_slowest()
    {
        ComparisonGroup group = Group("items", ("Ring", 50, 5, true), ("Blocking", 20_000, 100, false));

        ChartLayout layout = ChartLayout.For(group);

        Assert.True(layout.Log);
        Assert.Equal("median k items/s, log scale (higher is better)", layout.AxisLabel);
        Assert.Equal("50 k items/s", layout.Bars[1].Label);
        Assert.Equal(Math.Log10(20_000), layout.Bars[0].Value, 6); // 20 M items/s in k items/s
    }

    [Fact]
    public void An_error_reaching_below_zero_time_gives_a_rate_bar_that_stops_at_the_data_top()
    {
        ComparisonGroup group = Group("items", ("Noisy", 100, 150, true), ("Steady", 50, 1, false));

        ChartLayout layout = ChartLayout.For(group);

        ChartBar noisy = layout.Bars[0];
        Assert.True(double.IsFinite(noisy.High));
        Assert.True(noisy.High >= noisy.Value);
        Assert.True(layout.Top >= noisy.High);
    }

    [Fact]
    public void Every_bar_carries_its_value_label_above_its_error_bar_inside_the_axis_even_below_1_ns_on_a_log_axis()
    {
        ComparisonGroup group = Group(rate: null, ("Cell", 0.0949, 0.6, true), ("Plain", 0.37, 1.3, false), ("Actors", 12_785, 100_000, false));

        ChartLayout layout = ChartLayout.For(group);
        (Plot plot, _) = BenchmarkChart.Build(group);

        Assert.True(layout.Log);
        Text[] labels = plot.GetPlottables().OfType<Text>().ToArray();
        AxisLimits limits = plot.Axes.GetLimits();
        Assert.Equal(layout.Bars.Count, labels.Length);
        Assert.All(layout.Bars, bar =>
        {
            Text label = Assert.Single(labels, l => l.LabelText == bar.Label);
            Assert.Equal(bar.Position, label.Location.X);
            Assert.True(label.Location.Y >= bar.High && bar.High >= bar.Value, $"{bar.Label} is drawn below the top of its error bar");
            Assert.InRange(label.Location.Y, limits.Bottom, limits.Top);
        });
        Assert.Contains(labels, l => l.LabelText == "0.0949 ns");
        Assert.True(layout.Bars[0].Value < 0); // 0.0949 ns is below 1 on the log axis: the case that lost its label
    }

    [Fact]
    public void A_row_without_iterations_is_its_mean_with_no_error_bar()
    {
        var run = new BenchmarkRun("run-report-full.json", "Test CPU", new DateTime(2026, 12, 1, 10, 0, 0, DateTimeKind.Utc));
        var group = new ComparisonGroup("Fake", "", [], null, [new BenchmarkRow("Fake.Fake.Old", "Fake", "Old", [], 120, 0, true, "", run, ErrorNs: 30)]);

        ChartBar bar = Assert.Single(ChartLayout.For(group).Bars);

        Assert.Equal((120.0, 120.0, 120.0), (bar.Value, bar.Low, bar.High));
    }

    [Fact]
    public void A_time_of_zero_on_a_log_axis_is_a_bar_of_no_height_with_no_error_bar()
    {
        // ShardedCounterBenchmarks' InterlockedCellTotal, 2026-12-07: 0 ns [0–0] (below the timer) beside µs rows; its
        // error bar was drawn to the top of the chart, as if its interval had no upper end.
        ChartLayout layout = ChartLayout.For(Group(null, ("Zero", 0, 0, true), ("Fast", 1.4, 0.1, false), ("Slow", 45_000, 5_000, false)));

        Assert.True(layout.Log);
        ChartBar zero = layout.Bars[0];
        Assert.Equal((layout.Bottom, layout.Bottom, layout.Bottom), (zero.Value, zero.Low, zero.High));
    }

    /// <summary>A group of rows whose medians have the interval median ± half-width (99.9%).</summary>
    private static ComparisonGroup Group(string? rate, params (string Method, double MedianNs, double HalfWidthNs, bool Baseline)[] cases)
    {
        var run = new BenchmarkRun("run-report-full.json", "Test CPU", new DateTime(2026, 12, 1, 10, 0, 0, DateTimeKind.Utc));
        BenchmarkRow[] rows = cases.Select(c => new BenchmarkRow(
            $"Fake.Fake.{c.Method}", "Fake", c.Method, [], c.MedianNs, 0, c.Baseline, "", run, RateUnit: rate,
            Median: new MedianEstimate(30, c.MedianNs, c.MedianNs - c.HalfWidthNs, c.MedianNs + c.HalfWidthNs, 0.999))).ToArray();
        return new ComparisonGroup("Fake", "", [], null, rows);
    }
}
