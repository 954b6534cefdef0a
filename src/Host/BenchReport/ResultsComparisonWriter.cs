using System.Text;
using Spectre.Console;

namespace ActorConcurrency.Host.BenchReport;

/// <summary>
/// Prints a <see cref="ResultsComparison"/>: a console table and the same as Markdown. Per benchmark the old and new
/// median, the change (new/old − 1) or <c>~</c> when there is no measurable difference, its interval, the p-value and
/// the iterations on each side; then the geometric-mean line and its footnotes (what it leaves out, what only one side has).
/// </summary>
internal static class ResultsComparisonWriter
{
    private static readonly string[] Headers = ["benchmark", "old median", "new median", "change", "99.9% CI of change", "p", "n"];

    /// <summary>The comparison as a console table, titled with the two folders and followed by the rule.</summary>
    public static Table Table(ResultsComparison comparison, ComparisonRule rule, string oldLabel, string newLabel)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var table = new Table().Border(TableBorder.Simple).Title(Markup.Escape($"{oldLabel} → {newLabel}"));
        table.AddColumns(Headers.Select(h => new TableColumn(Markup.Escape(h))).ToArray());
        foreach (string[] cells in Lines(comparison, rule))
        {
            table.AddRow(cells.Select(Markup.Escape).ToArray());
        }

        table.Caption(Markup.Escape(Caption(comparison, rule)));
        return table;
    }

    /// <summary>The comparison as a Markdown page.</summary>
    public static string Markdown(ResultsComparison comparison, ComparisonRule rule, string oldLabel, string newLabel)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var page = new StringBuilder();
        page.AppendLine($"# Benchmark comparison: `{oldLabel}` → `{newLabel}`");
        page.AppendLine();
        page.AppendLine(Caption(comparison, rule));
        page.AppendLine();
        page.AppendLine("| " + string.Join(" | ", Headers) + " |");
        page.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (string[] cells in Lines(comparison, rule))
        {
            page.AppendLine("| " + string.Join(" | ", cells.Select(c => c.Replace("|", "\\|", StringComparison.Ordinal))) + " |");
        }

        page.AppendLine();
        foreach (string line in Footnotes(comparison))
        {
            page.AppendLine($"- {line}");
        }

        return page.ToString();
    }

    /// <summary>
    /// The footnotes: which benchmarks the geometric mean leaves out, and what only one side has, one line each (none when
    /// the geomean covers every benchmark and both sides have the same ones).
    /// </summary>
    public static IEnumerable<string> Footnotes(ResultsComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        if (comparison.GeomeanLeftOut > 0)
        {
            int count = comparison.Benchmarks.Count;
            yield return $"geomean over {count - comparison.GeomeanLeftOut} of {count} benchmarks: {comparison.GeomeanLeftOut} with a median of 0 on a side (below the timer) left out";
        }

        if (comparison.OnlyOld.Count > 0)
        {
            yield return $"only in old ({comparison.OnlyOld.Count}): {string.Join(", ", comparison.OnlyOld)}";
        }

        if (comparison.OnlyNew.Count > 0)
        {
            yield return $"only in new ({comparison.OnlyNew.Count}): {string.Join(", ", comparison.OnlyNew)}";
        }
    }

    private static string Caption(ResultsComparison comparison, ComparisonRule rule) =>
        $"{comparison.Benchmarks.Count} benchmark(s) in both. change = new median / old median − 1; ~ = no measurable difference " +
        $"(not a {rule.Describe()}); the interval is Hodges–Lehmann's, the p-value Mann–Whitney's over the iterations. " +
        $"Old: session {string.Join(", ", comparison.OldSessions)}; new: session {string.Join(", ", comparison.NewSessions)}." +
        (comparison.AcrossSessions
            ? " Across sessions the test judges these two runs, not the machine, which drifts between sessions by more than " +
              "iterations vary within one: believe a change larger than that which holds in a second pair of runs (docs/bench-report.md)."
            : "");

    private static IEnumerable<string[]> Lines(ResultsComparison comparison, ComparisonRule rule)
    {
        foreach (ComparedBenchmark b in comparison.Benchmarks)
        {
            SampleComparison c = b.Comparison;
            string change = c.Verdict switch
            {
                ComparisonVerdict.Faster or ComparisonVerdict.Slower => ComparisonText.ChangePercent(c.Ratio),
                ComparisonVerdict.NotTested => $"{ComparisonText.ChangePercent(c.Ratio)} (untested)",
                _ => "~",
            };
            string p = c.Verdict == ComparisonVerdict.NotTested ? "—" : ComparisonText.P(c.P);
            yield return [b.Name, ComparisonText.Median(c.Baseline with { Level = 0 }), ComparisonText.Median(c.Candidate with { Level = 0 }), change, ComparisonText.ChangeInterval(c), p, $"{c.Baseline.N}+{c.Candidate.N}"];
        }

        if (comparison.GeomeanRatio is { } ratio)
        {
            double old = comparison.GeomeanOld!.Value, @new = comparison.GeomeanNew!.Value;
            yield return ["geomean", ComparisonText.Median(new MedianEstimate(0, old, old, old, 0)), ComparisonText.Median(new MedianEstimate(0, @new, @new, @new, 0)), ComparisonText.ChangePercent(ratio), "", "", ""];
        }
    }
}
