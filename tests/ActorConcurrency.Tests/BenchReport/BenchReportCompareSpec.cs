using System.Runtime.CompilerServices;
using ActorConcurrency.Host.BenchReport;
using ActorConcurrency.Host.Commands;
using ActorConcurrency.Tests.Support;

namespace ActorConcurrency.Tests.BenchReport;

/// <summary>
/// <c>bench-report --compare OLD NEW</c> on two small committed result sets (<c>Fixtures/CompareOld</c>,
/// <c>Fixtures/CompareNew</c>: 15 iterations per case, 3 launches × 5, spread evenly around a median set by hand).
/// Old → new: Lock at 1 thread keeps its median (100 ns), RwLock at 1 thread doubles (150 → 300 ns), RwLock at 2 threads
/// halves (300 → 150 ns), Lock at 2 threads moves 1% (200 → 202 ns, inside both spreads); Removed is only old, Added
/// only new.
/// </summary>
public sealed class BenchReportCompareSpec : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("bench-report-compare-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Each_benchmark_gets_its_change_and_verdict_and_the_geometric_mean_is_over_the_shared_ones()
    {
        ResultsComparison comparison = ResultsComparison.Of(
            BenchmarkResultsReader.Read([Fixture("CompareOld")]), BenchmarkResultsReader.Read([Fixture("CompareNew")]), ComparisonRule.Default);

        Assert.Equal(
            ["FakeCacheBenchmarks.Lock(Threads=1)", "FakeCacheBenchmarks.Lock(Threads=2)", "FakeCacheBenchmarks.RwLock(Threads=1)", "FakeCacheBenchmarks.RwLock(Threads=2)"],
            comparison.Benchmarks.Select(b => b.Name));
        Assert.Equal(
            [ComparisonVerdict.NoMeasurableDifference, ComparisonVerdict.NoMeasurableDifference, ComparisonVerdict.Slower, ComparisonVerdict.Faster],
            comparison.Benchmarks.Select(b => b.Comparison.Verdict));
        ComparedBenchmark doubled = comparison.Benchmarks[2];
        Assert.Equal((150, 300, 2.0), (doubled.Comparison.Baseline.Median, doubled.Comparison.Candidate.Median, doubled.Comparison.Ratio));
        Assert.InRange(2.0, doubled.Comparison.RatioLow, doubled.Comparison.RatioHigh);
        Assert.True(doubled.Comparison.P < 1e-7, $"p = {doubled.Comparison.P}"); // complete separation of 15 and 15: 2 / C(30, 15)
        Assert.Equal(Math.Pow(202.0 / 200, 0.25), comparison.GeomeanRatio!.Value, 12);
        Assert.Equal(["FakeCacheBenchmarks.Removed(Threads=1)"], comparison.OnlyOld);
        Assert.Equal(["FakeCacheBenchmarks.Added(Threads=1)"], comparison.OnlyNew);
    }

    [Fact]
    public async Task Prints_the_table_and_writes_the_markdown_with_tildes_where_nothing_changed_measurably()
    {
        string markdown = Path.Combine(_folder, "out", "compare.md");

        HostRun run = await HostRun.RunAsync("bench-report", "--compare", Fixture("CompareOld"), Fixture("CompareNew"), "--out", markdown);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("geomean", run.Output);
        Assert.Contains("+100%", run.Output);
        Assert.Contains("only in new (1): FakeCacheBenchmarks.Added(Threads=1)", run.Output);
        string page = File.ReadAllText(markdown);
        Assert.Contains("| benchmark | old median | new median | change | 99.9% CI of change | p | n |", page);
        Assert.Contains("| FakeCacheBenchmarks.Lock(Threads=1) | 100 ns | 100 ns | ~ | [", page);
        Assert.Contains("| FakeCacheBenchmarks.Lock(Threads=2) | 200 ns | 202 ns | ~ | [", page);
        Assert.Matches(@"\| FakeCacheBenchmarks\.RwLock\(Threads=1\) \| 150 ns \| 300 ns \| \+100% \| \[\+\d+%, \+\d+%\] \| p < 0\.0001 \| 15\+15 \|", page);
        Assert.Matches(@"\| FakeCacheBenchmarks\.RwLock\(Threads=2\) \| 300 ns \| 150 ns \| −50% \| \[−\d+%, −\d+%\] \| p < 0\.0001 \| 15\+15 \|", page);
        Assert.Contains("| geomean |", page);
        Assert.Contains("| +0.2% |", page); // (202/200)^(1/4): only the 1% move, spread over four benchmarks
        Assert.Contains("- only in old (1): FakeCacheBenchmarks.Removed(Threads=1)", page);
        Assert.Contains("Mann–Whitney U test p < 0.001 and medians at least 5% apart", page);
    }

    [Fact]
    public async Task A_median_of_zero_leaves_its_benchmark_out_of_the_geometric_mean_and_says_so_instead_of_dropping_the_line()
    {
        // A benchmark below the timer (the sharded counter's InterlockedCellTotal) has a median of 0 ns: its logarithm
        // does not exist, and it once made the whole geomean line disappear without a word.
        string old = Path.Combine(_folder, "old"), @new = Path.Combine(_folder, "new");
        IterationExports.Write(old, "Run-20261201-100000", "s1", new IterationCase("Zero", new double[15]), new IterationCase("Lock", IterationExports.Spread(100, 15)));
        IterationExports.Write(@new, "Run-20261202-100000", "s2", new IterationCase("Zero", new double[15]), new IterationCase("Lock", IterationExports.Spread(200, 15)));
        string markdown = Path.Combine(_folder, "compare.md");

        HostRun run = await HostRun.RunAsync("bench-report", "--compare", old, @new, "--out", markdown);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        string page = File.ReadAllText(markdown);
        Assert.Contains("| geomean | 100 ns | 200 ns | +100% |", page);
        Assert.Contains("geomean over 1 of 2 benchmarks: 1 with a median of 0 on a side (below the timer) left out", page);
    }

    [Fact]
    public void Sides_from_different_sessions_are_named_and_warned_about_and_one_session_against_itself_is_not()
    {
        string old = Path.Combine(_folder, "old"), @new = Path.Combine(_folder, "new");
        IterationExports.Write(old, "Run-20261201-100000", "morning", new IterationCase("Lock", IterationExports.Spread(100, 15)));
        IterationExports.Write(@new, "Run-20261202-100000", "afternoon", new IterationCase("Lock", IterationExports.Spread(100, 15)));
        ResultsComparison across = ResultsComparison.Of(BenchmarkResultsReader.Read([old]), BenchmarkResultsReader.Read([@new]), ComparisonRule.Default);
        ResultsComparison within = ResultsComparison.Of(BenchmarkResultsReader.Read([old]), BenchmarkResultsReader.Read([old]), ComparisonRule.Default);

        string acrossPage = ResultsComparisonWriter.Markdown(across, ComparisonRule.Default, "old", "new");
        string withinPage = ResultsComparisonWriter.Markdown(within, ComparisonRule.Default, "old", "old");

        Assert.True(across.AcrossSessions);
        Assert.Contains("Old: session morning; new: session afternoon. Across sessions the test judges these two runs, not the machine", acrossPage);
        Assert.False(within.AcrossSessions);
        Assert.Contains("Old: session morning; new: session morning.", withinPage);
        Assert.DoesNotContain("Across sessions", withinPage);
    }

    [Fact]
    public async Task A_missing_folder_is_bad_input_with_one_line()
    {
        HostRun run = await HostRun.RunAsync("bench-report", "--compare", Fixture("CompareOld"), Path.Combine(_folder, "nowhere"));

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("nowhere", run.Error);
        Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Out_without_compare_is_refused()
    {
        HostRun run = await HostRun.RunAsync("bench-report", "--results", Fixture("CompareOld"), "--output", _folder, "--out", Path.Combine(_folder, "x.md"));

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("--compare", run.Error);
        Assert.False(File.Exists(Path.Combine(_folder, "benchmarks.md")));
    }

    private static string Fixture(string name, [CallerFilePath] string spec = "") => Path.Combine(Path.GetDirectoryName(spec)!, "Fixtures", name);
}
