using System.Globalization;
using System.Text;

namespace ActorConcurrency.Host.BenchReport;

/// <summary>
/// Writes <c>benchmarks.md</c> and one chart per group into <c>benchmarks/</c> beside it. The page opens with how far
/// its rows can be trusted (<see cref="ReportQuality"/>), how to read a row and the verdict rule, and how to rerun and
/// compare; then per group the machine and date, the job, the chart, and a table: median with its 99.9% interval,
/// ratio of medians to the baseline at the same thread count with its interval, the verdict of a Mann–Whitney test
/// against that baseline (<see cref="SampleComparison"/>), BenchmarkDotNet's mean ± error, bytes allocated, the
/// benchmark's own columns, and notes (<see cref="RowNotes"/>). It ends with the machine's load
/// around each class.
/// </summary>
internal static class BenchmarkReportWriter
{
    public const string PageName = "benchmarks.md";
    public const string ChartFolder = "benchmarks";

    /// <summary>The command that regenerates every result of the report (docs/bench-report.md).</summary>
    public const string RerunCommand = "dotnet run -c Release --project bench -- report-run";

    /// <summary>Writes the page and the charts into <paramref name="outputFolder"/>; returns the page's path and the charts written.</summary>
    public static (string Page, IReadOnlyList<string> Charts) Write(BenchmarkResults results, IReadOnlyList<ComparisonGroup> groups, string outputFolder)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(groups);
        ComparisonRule rule = ComparisonRule.Default;
        string chartFolder = Path.Combine(outputFolder, ChartFolder);
        Directory.CreateDirectory(chartFolder);
        var charts = new List<string>();
        var usedNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var page = new StringBuilder();
        WriteHeader(page, results, groups, rule);
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
            WriteGroup(page, group, chartName, rule);
        }

        WriteLoads(page, results);
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

    private static void WriteHeader(StringBuilder page, BenchmarkResults results, IReadOnlyList<ComparisonGroup> groups, ComparisonRule rule)
    {
        ReportQuality quality = ReportQuality.Of(groups, rule);
        string level = ComparisonText.Percent(rule.Level);
        string target = ComparisonText.Percent(rule.PrecisionTarget);
        page.AppendLine("# Benchmark report");
        page.AppendLine();
        page.AppendLine($"Written by `bench-report` from {results.Files.Count} result file(s) (BenchmarkDotNet's, and the Go peers' where measured); [bench-report.md](bench-report.md) explains how. " +
            "Each group compares the methods of one benchmark class (and category) with the same parameters, at each thread count.");
        page.AppendLine();
        page.AppendLine("## How far to trust it");
        page.AppendLine();
        page.AppendLine(quality.OneSession
            ? $"- **One session:** every row comes from report session `{Cell(quality.Sessions[0])}`, measured with one job ({Cell(quality.Jobs[0])})."
            : $"- **Not one session:** the rows come from {results.Files.Count} result file(s) of {quality.Sessions.Count + quality.RunsOutsideSessions} run(s) " +
              $"with {quality.Jobs.Count} job(s) ({Cell(string.Join(", ", quality.Jobs))}), " +
              $"{(quality.Sessions.Count == 0 ? "none of them a report session" : $"report session(s) {Cell(string.Join(", ", quality.Sessions))} and {quality.RunsOutsideSessions} run(s) outside one")}. " +
              $"Figures from different runs and jobs are not comparable with each other; regenerate the whole report in one session on a quiet machine (below).");
        page.AppendLine($"- **Precision:** {quality.PreciseRows} of {quality.Rows} rows ({ComparisonText.Percent(quality.PreciseShare)}) have a median whose {level} interval " +
            $"lies within ±{target} of it; the goal is at least {ComparisonText.Percent(ReportQuality.PreciseShareTarget)}. Each row that misses it says why in its notes.");
        page.AppendLine(quality.RowsTestedForSteadiness == 0
            ? $"- **Steadiness:** not tested: no row has {Steadiness.MinimumIterationsPerLaunch} iterations in a launch."
            : $"- **Steadiness:** {quality.UnsteadyRows} of {quality.RowsTestedForSteadiness} rows drifted within their launches: the first quarter of each launch's iterations " +
              "against the last quarter, by the verdict rule below. Early iterations slower mean the warm-up was too short (the tiered JIT still promoting); " +
              "later ones slower, a state that grows as the benchmark runs. Each such row says which in its notes; its median mixes the two.");
        page.AppendLine(quality.RowsWithLoad == 0
            ? "- **Load:** none recorded: these results predate the load readings, so a row measured on a busy machine cannot be told apart."
            : $"- **Load:** {quality.UnderLoadRows} of {quality.RowsWithLoad} rows with load readings were measured under load " +
              $"(other work used more than {MachineLoad.OtherCpuLimit.ToString("0.##", CultureInfo.InvariantCulture)} of a core while the case ran: other processes, or CPU time the hypervisor gave to other machines (steal, in /proc/stat); where that was not recorded, the 1-minute load average exceeded the core count before it); " +
              (quality.RowsWithLoad < quality.Rows ? $"{quality.Rows - quality.RowsWithLoad} rows have no load recorded; " : "") +
              "each flagged row says so in its notes, and the last section gives the load around each class.");
        (int goRows, int csharpFaster, int csharpSlower, int noDifference) = ReportQuality.GoPeers(groups, rule);
        page.AppendLine(goRows == 0
            ? "- **Go peers:** none in these results (`report-run go` measures them where a Go toolchain is installed)."
            : $"- **Go peers:** {goRows} rows (`Go …`) are the Go forms of C# rows of their group (bench/go/peers), measured by `go test -bench` " +
              $"in session {Cell(string.Join(", ", groups.SelectMany(g => g.Rows).Where(r => r.GoTwin is not null).Select(r => $"`{r.Run.SessionName}`").Distinct()))}. " +
              $"Their C# forms are faster in {csharpFaster}, slower in {csharpSlower} and not measurably different in {noDifference} (each Go row's notes give the ratio and verdict). " +
              "They are measured by another tool and job (ten values give a median interval of 99.8%), so they are not counted in the precision and session figures above.");
        page.AppendLine();
        page.AppendLine("## How to read a row");
        page.AppendLine();
        page.AppendLine($"- **median [{level} CI]**: the median time per operation over every measured iteration (all launches), with its distribution-free {level} confidence interval " +
            "(two order statistics of the iterations; with too few iterations for that level, their whole range and the level it has, in the notes).");
        page.AppendLine($"- **ratio [{level} CI]**: the row's median over its baseline's at the same thread count (below 1: less time than the baseline), " +
            "with the Hodges–Lehmann interval of the ratio; none against a baseline the clock cannot tell from nothing (its interval reaches 0).");
        page.AppendLine($"- **verdict**: the row against its baseline by a {rule.Describe()}: **faster** or **slower**, otherwise **no measurable difference** " +
            $"(not significant, or significant but under {ComparisonText.Percent(rule.MinimumEffect)}). Three iterations against three can never be significant at that threshold " +
            "(their smallest p is 0.1), so a ShortRun row shows no measurable difference whatever its ratio.");
        page.AppendLine("- **mean ± error**: BenchmarkDotNet's mean and half its 99.9% interval (none with one iteration), for reference; a skewed or bimodal row can have an error larger than its mean, which is why the verdicts use medians and ranks.");
        page.AppendLine("- **allocated**: managed bytes allocated per operation; further columns are the benchmark's own (e.g. hit ratio); **notes**: why a row is not precise, not steady within its launches, measured under load, or untested.");
        page.AppendLine("- Charts: each bar is a median with its interval as the error bar; one unit per chart, a log axis when the medians span more than 100×; " +
            "a time per operation (lower is better), or for a class whose headline is a rate, operations per second (1 / median, higher is better; its table adds the rate).");
        page.AppendLine();
        page.AppendLine("## Rerun and compare");
        page.AppendLine();
        page.AppendLine($"On a quiet machine, `{RerunCommand}` measures every group with the report's job, then the Go peers (about 85 minutes; its parts run alone too), " +
            "`dotnet run --project src/Host -- bench-report --compare docs/benchmarks/results BenchmarkDotNet.Artifacts/report-run/results` compares it with these results, " +
            "and replacing `docs/benchmarks/results/` with the new files and running `bench-report` rewrites this page. [bench-report.md](bench-report.md) has the steps.");
        page.AppendLine();
        page.AppendLine("| runs read | session | machine | date (UTC) |");
        page.AppendLine("|---|---|---|---|");
        foreach (BenchmarkRun run in groups.SelectMany(g => g.Rows).Select(r => r.Run).Distinct().OrderBy(r => r.Date))
        {
            string session = run.Session is null ? "—" : $"{run.Session}{(run.Part is null ? "" : $" ({run.Part})")}";
            page.AppendLine($"| `{Path.GetFileName(run.File)}` | {Cell(session)} | {Cell(run.Machine)} | {run.Date:yyyy-MM-dd HH:mm} |");
        }

        page.AppendLine();
    }

    private static void WriteGroup(StringBuilder page, ComparisonGroup group, string chartName, ComparisonRule rule)
    {
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
                    ? $"Job **{Cell(job.Description)}** — a short run: few iterations, indicative; no difference it shows can be significant."
                    : $"Job **{Cell(job.Description)}**.");
        }

        if (group.Rows.FirstOrDefault(r => r.Baseline == true && ComparisonGroup.TooSmallToSee(r)) is { } tiny)
        {
            string why = tiny.Median is not null
                ? "its median's interval reaches 0 once BenchmarkDotNet subtracts the empty loop's time"
                : $"its mean is below the timer's resolution ({BenchmarkChart.FormatNs(tiny.Run.TimerResolutionNs)}) and the export has no iterations";
            page.AppendLine();
            page.AppendLine($"The baseline ({BenchmarkChart.FormatNs(tiny.Estimate.Median)}) cannot be told from nothing: {why} (the JIT may have " +
                "removed the operation), so no ratios or verdicts are given against it.");
        }

        page.AppendLine();
        page.AppendLine($"![{Cell(group.Title)}]({ChartFolder}/{Uri.EscapeDataString(chartName)})");
        page.AppendLine();
        string level = ComparisonText.Percent(rule.Level);
        IReadOnlyList<string> custom = group.CustomColumns;
        string? rateHeader = group.RateUnit is { } unit ? $" {Cell(unit)}/s |" : null;
        page.AppendLine($"| method | {(group.ThreadParameter ?? "threads")} | median [{level} CI] |{rateHeader} ratio [{level} CI] | verdict | mean ± error | allocated |{string.Concat(custom.Select(c => $" {Cell(c)} |"))} notes |");
        page.AppendLine("|---|---:|---:|" + (rateHeader is null ? "" : "---:|") + "---:|---|---:|---:|" + string.Concat(custom.Select(_ => "---:|")) + "---|");
        foreach (string series in group.Series)
        {
            foreach (string method in group.Methods)
            {
                if (group.Find(method, series) is not { } row)
                {
                    continue;
                }

                SampleComparison? comparison = group.CompareWithBaseline(row);
                bool isBaseline = row.Baseline == true && ReferenceEquals(group.BaselineOf(row), row);
                string name = row.Baseline == true ? $"{method} (baseline)" : method;
                string ratio = comparison is not null ? ComparisonText.Ratio(comparison) : isBaseline && !ComparisonGroup.TooSmallToSee(row) ? "1.00" : "—";
                string verdict = comparison is not null ? ComparisonText.Verdict(comparison, rule)
                    : isBaseline ? "baseline"
                    : "—";
                if (comparison?.Verdict is ComparisonVerdict.Faster or ComparisonVerdict.Slower)
                {
                    verdict = $"**{verdict}**";
                }

                string allocated = row.AllocatedBytes is { } b ? b.ToString("0.#", CultureInfo.InvariantCulture) + " B" : "—";
                string mean = BenchmarkChart.FormatNs(row.MeanNs) + (row.ErrorNs is { } e ? $" ± {BenchmarkChart.FormatNs(e)}" : "");
                string columns = string.Concat(custom.Select(c => $" {Cell(row.Columns?.GetValueOrDefault(c) ?? "—")} |"));
                string rate = rateHeader is null ? "" : $" {BenchmarkChart.FormatRate(row.Estimate.Median)} |";
                page.AppendLine($"| {Cell(name)} | {(series.Length == 0 ? "—" : series)} | {ComparisonText.Median(row.Estimate)} |{rate} {ratio} | {verdict} | {mean} | {allocated} |{columns} {Cell(RowNotes.Of(group, row, comparison, rule))} |");
            }
        }

        page.AppendLine();
    }

    /// <summary>The load before and after each class, when the sidecars recorded it.</summary>
    private static void WriteLoads(StringBuilder page, BenchmarkResults results)
    {
        if (results.ClassLoads.Count == 0)
        {
            return;
        }

        static string Averages(IReadOnlyList<double>? loads) =>
            loads is null ? "—" : string.Join(" / ", loads.Select(l => double.IsNaN(l) ? "?" : l.ToString("0.00", CultureInfo.InvariantCulture)));

        page.AppendLine("## Machine load around each class");
        page.AppendLine();
        page.AppendLine("Load averages (1 / 5 / 15 minutes) read just before a class's first case and just after its last, and the CPU other work (other processes, and steal) used while it ran " +
            "(the machine's busy time minus the benchmark processes', in cores). The load average counts the benchmark's own threads; the CPU of other work does not.");
        page.AppendLine();
        page.AppendLine("| class | result file | load before | load after | other work (cores) |");
        page.AppendLine("|---|---|---:|---:|---:|");
        foreach (ClassLoad load in results.ClassLoads)
        {
            string other = load.OtherCpuCores is { } o ? o.ToString("0.00", CultureInfo.InvariantCulture) : "—";
            page.AppendLine($"| {Cell(load.Type.Split('.')[^1])} | `{Path.GetFileName(load.File)}` | {Averages(load.Before)} | {Averages(load.After)} | {other} |");
        }

        page.AppendLine();
    }

    /// <summary>Text safe inside a Markdown table cell.</summary>
    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
