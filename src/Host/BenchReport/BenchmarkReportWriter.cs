using System.Globalization;
using System.Text;

namespace ActorConcurrency.Host.BenchReport;

/// <summary>
/// Writes <c>benchmarks.md</c> and one chart per group into <c>benchmarks/</c> beside it: for each group the
/// machine and date it ran on, its chart, and a table of mean, ratio to the baseline at the same thread
/// count, and bytes allocated per operation.
/// </summary>
internal static class BenchmarkReportWriter
{
    public const string PageName = "benchmarks.md";
    public const string ChartFolder = "benchmarks";

    /// <summary>Writes the page and the charts into <paramref name="outputFolder"/>; returns the page's path and the charts written.</summary>
    public static (string Page, IReadOnlyList<string> Charts) Write(BenchmarkResults results, IReadOnlyList<ComparisonGroup> groups, string outputFolder)
    {
        string chartFolder = Path.Combine(outputFolder, ChartFolder);
        Directory.CreateDirectory(chartFolder);
        var charts = new List<string>();
        var usedNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var page = new StringBuilder();
        page.AppendLine("# Benchmark report");
        page.AppendLine();
        page.AppendLine($"Written by `bench-report` from {results.Files.Count} BenchmarkDotNet result file(s). " +
            "Each group compares the methods of one benchmark class (and category) with the same parameters; " +
            "**mean ± error** is the time per operation with half its 99.9% confidence interval (BenchmarkDotNet's Error; none with one iteration), " +
            "**ratio** is the mean over the group's baseline at the same thread count (below 1 is faster than the baseline; none when the baseline is below the timer's resolution), " +
            "**allocated** is managed bytes allocated per operation; further columns are the benchmark's own (e.g. hit ratio). " +
            "Each group names the job that measured it; a Dry job is a smoke test, not a measurement. " +
            "Charts: one unit per chart, a log axis when the values span more than 100×, error bars; a time per operation (lower is better), " +
            "or for a class whose headline is a rate, operations per second (1 / mean, higher is better; its table adds the rate).");
        page.AppendLine();
        page.AppendLine("| runs read | machine | date (UTC) |");
        page.AppendLine("|---|---|---|");
        foreach (BenchmarkRun run in groups.SelectMany(g => g.Rows).Select(r => r.Run).Distinct().OrderBy(r => r.Date))
        {
            page.AppendLine($"| `{Path.GetFileName(run.File)}` | {Cell(run.Machine)} | {run.Date:yyyy-MM-dd HH:mm} |");
        }

        page.AppendLine();
        foreach (ComparisonGroup group in groups)
        {
            string chartName = group.ChartFileName;
            for (int n = 2; !usedNames.Add(chartName); n++)
            {
                chartName = $"{Path.GetFileNameWithoutExtension(group.ChartFileName)}-{n}.png";
            }

            string chartPath = Path.Combine(chartFolder, chartName);
            BenchmarkChart.Save(group, chartPath);
            charts.Add(chartPath);

            page.AppendLine($"## {Cell(group.Title)}");
            page.AppendLine();
            foreach (BenchmarkRun run in group.Rows.Select(r => r.Run).Distinct())
            {
                page.AppendLine($"Measured on {Cell(run.Machine)}, {run.Date:yyyy-MM-dd HH:mm} UTC.");
            }

            page.AppendLine();
            foreach (BenchmarkJob job in group.Jobs)
            {
                page.AppendLine(job.IsDry
                    ? $"Job **{Cell(job.Description)}** — **a dry run: one cold iteration that checks the benchmark runs; these are not measurements.**"
                    : job.IsShort
                        ? $"Job **{Cell(job.Description)}** — a short run: few iterations, indicative; read each mean with its error."
                        : $"Job **{Cell(job.Description)}**.");
            }

            if (group.Rows.FirstOrDefault(r => r.Baseline == true && ComparisonGroup.BelowResolution(r)) is { } tiny)
            {
                page.AppendLine();
                page.AppendLine($"The baseline's mean ({BenchmarkChart.FormatNs(tiny.MeanNs)}) is below the timer's resolution ({BenchmarkChart.FormatNs(tiny.Run.TimerResolutionNs)}): " +
                    "the clock cannot see it (the JIT may have removed the operation), so no ratios are given against it.");
            }

            page.AppendLine();
            page.AppendLine($"![{Cell(group.Title)}]({ChartFolder}/{Uri.EscapeDataString(chartName)})");
            page.AppendLine();
            IReadOnlyList<string> custom = group.CustomColumns;
            string? rateHeader = group.RateUnit is { } unit ? $" {Cell(unit)}/s |" : null;
            page.AppendLine($"| method | {(group.ThreadParameter ?? "threads")} | mean ± error |{rateHeader} ratio | allocated |{string.Concat(custom.Select(c => $" {Cell(c)} |"))}");
            page.AppendLine("|---|---:|---:|" + (rateHeader is null ? "" : "---:|") + "---:|---:|" + string.Concat(custom.Select(_ => "---:|")));
            foreach (string series in group.Series)
            {
                foreach (string method in group.Methods)
                {
                    if (group.Find(method, series) is not { } row)
                    {
                        continue;
                    }

                    string name = row.Baseline == true ? $"{method} (baseline)" : method;
                    string ratio = group.RatioToBaseline(row) is { } r ? r.ToString("0.00", CultureInfo.InvariantCulture) : "—";
                    string allocated = row.AllocatedBytes is { } b ? b.ToString("0.#", CultureInfo.InvariantCulture) + " B" : "—";
                    string mean = BenchmarkChart.FormatNs(row.MeanNs) + (row.ErrorNs is { } e ? $" ± {BenchmarkChart.FormatNs(e)}" : "");
                    string columns = string.Concat(custom.Select(c => $" {Cell(row.Columns?.GetValueOrDefault(c) ?? "—")} |"));
                    string rate = rateHeader is null ? "" : $" {BenchmarkChart.FormatRate(row.MeanNs)} |";
                    page.AppendLine($"| {Cell(name)} | {(series.Length == 0 ? "—" : series)} | {mean} |{rate} {ratio} | {allocated} |{columns}");
                }
            }

            page.AppendLine();
        }

        if (results.Errors.Count + results.Warnings.Count > 0)
        {
            page.AppendLine("## Files and cases not (fully) reported");
            page.AppendLine();
            foreach (string error in results.Errors.Concat(results.Warnings))
            {
                page.AppendLine($"- {Cell(error)}");
            }

            page.AppendLine();
        }

        // Charts of groups this page no longer reports would contradict it: they go.
        foreach (string stale in Directory.GetFiles(chartFolder, "*.png").Where(f => !charts.Contains(f, StringComparer.Ordinal)))
        {
            File.Delete(stale);
        }

        string pagePath = Path.Combine(outputFolder, PageName);
        File.WriteAllText(pagePath, page.ToString());
        return (pagePath, charts);
    }

    /// <summary>Text safe inside a Markdown table cell.</summary>
    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
