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
            "**mean** is the time per operation, **ratio** is the mean over the group's baseline at the same thread count " +
            "(below 1 is faster than the baseline), **allocated** is managed bytes allocated per operation.");
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
            page.AppendLine($"![{Cell(group.Title)}]({ChartFolder}/{Uri.EscapeDataString(chartName)})");
            page.AppendLine();
            page.AppendLine($"| method | {(group.ThreadParameter ?? "threads")} | mean | ratio | allocated |");
            page.AppendLine("|---|---:|---:|---:|---:|");
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
                    page.AppendLine($"| {Cell(name)} | {(series.Length == 0 ? "—" : series)} | {BenchmarkChart.FormatNs(row.MeanNs)} | {ratio} | {allocated} |");
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

        string pagePath = Path.Combine(outputFolder, PageName);
        File.WriteAllText(pagePath, page.ToString());
        return (pagePath, charts);
    }

    /// <summary>Text safe inside a Markdown table cell.</summary>
    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
