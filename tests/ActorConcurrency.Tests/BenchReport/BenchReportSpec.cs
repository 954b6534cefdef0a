using System.Runtime.CompilerServices;
using ActorConcurrency.Host.Commands;
using ActorConcurrency.Tests.Support;

namespace ActorConcurrency.Tests.BenchReport;

/// <summary>
/// <c>bench-report</c>: BenchmarkDotNet JSON in, Markdown and PNG charts out — on small hand-written exports
/// (threads, categories, a class no code knows about, a malformed file, a failed case) and on a real smoke
/// run's export kept in <c>Fixtures/</c>.
/// </summary>
public sealed class BenchReportSpec : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("bench-report-spec-").FullName;

    private string Results => Path.Combine(_folder, "results");

    private string Output => Path.Combine(_folder, "docs");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Writes_a_table_and_a_png_chart_per_group_with_ratios_to_the_baseline()
    {
        WriteExport("Run-20261127-120000", BenchmarkFixtures.MapsAtTwoThreadCounts, BenchmarkFixtures.MapsGroups);

        var run = await BenchReportAsync();

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        string page = File.ReadAllText(Path.Combine(Output, "benchmarks.md"));
        Assert.Contains("## FakeMapBenchmarks — Workload=write-heavy", page);
        Assert.Contains("| Dictionary (baseline) | 1 | 100 ns | 1.00 | baseline | 100 ns | 0 B |", page);
        Assert.Contains("| Sharded | 1 | 150 ns | 1.50 | not tested (fewer than 2 iterations) | 150 ns | 24 B |", page); // no iterations in the export: untested
        Assert.Contains("| Sharded | 4 | 100 ns | 0.50 |", page); // ratio against the baseline at 4 threads, not at 1
        Assert.Contains("Test CPU, 4 logical cores, Test OS, .NET 10.0.0", page);
        Assert.Contains("2026-11-27", page); // from the title BenchmarkDotNet stamps (local time of the run)

        string chart = Path.Combine(Output, "benchmarks", "FakeMapBenchmarks-Workload-write-heavy.png");
        Assert.Contains("](benchmarks/FakeMapBenchmarks-Workload-write-heavy.png)", page);
        AssertIsPng(chart);
    }

    [Fact]
    public async Task A_class_no_code_knows_about_gets_its_own_groups_per_category()
    {
        WriteExport("Run-20261127-120000", BenchmarkFixtures.UnknownClassWithCategories, BenchmarkFixtures.UnknownClassGroups);

        var run = await BenchReportAsync();

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        string page = File.ReadAllText(Path.Combine(Output, "benchmarks.md"));
        Assert.Contains("## SomeLaterBenchmarks — Reads", page);
        Assert.Contains("## SomeLaterBenchmarks — Writes", page);
        Assert.Contains("| Slow | — | 3 µs | 3.00 | not tested (fewer than 2 iterations) | 3 µs | — |", page); // no thread parameter, no memory diagnoser
        Assert.Equal(2, Directory.GetFiles(Path.Combine(Output, "benchmarks"), "*.png").Length);
    }

    [Fact]
    public async Task A_malformed_file_is_named_on_stderr_and_the_other_files_are_still_reported()
    {
        WriteExport("Good-20261127-120000", BenchmarkFixtures.MapsAtTwoThreadCounts, BenchmarkFixtures.MapsGroups);
        string broken = Path.Combine(Results, "Broken-20261127-101600-report-full.json");
        File.WriteAllText(broken, "{ \"Title\": \"Broken\", \"Benchmarks\": [ { \"Type\": ");

        var run = await BenchReportAsync();

        Assert.NotEqual(ExitCodes.Ok, run.ExitCode);
        Assert.Contains(broken, run.Error);
        Assert.StartsWith("error: ", run.Error);
        Assert.Contains("FakeMapBenchmarks", File.ReadAllText(Path.Combine(Output, "benchmarks.md")));
    }

    [Fact]
    public async Task A_failed_benchmark_is_named_and_its_group_still_reported()
    {
        WriteExport("Run-20261127-120000", BenchmarkFixtures.OneFailedCase, groups: null);

        var run = await BenchReportAsync();

        Assert.Contains("FakeFailing.Broken: no measurement", run.Error);
        Assert.Contains("warning: ", run.Error); // no sidecar: ratios are left out, and it says so
        string page = File.ReadAllText(Path.Combine(Output, "benchmarks.md"));
        Assert.Contains("| Works | — | 10 ns | — | — | 10 ns | 0 B |", page);
    }

    [Fact]
    public async Task With_no_results_it_says_where_it_looked_and_exits_2()
    {
        Directory.CreateDirectory(Results);

        var run = await BenchReportAsync();

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains(Path.GetFullPath(Results), run.Error);
        Assert.Contains("-report-full.json", run.Error);
        Assert.False(File.Exists(Path.Combine(Output, "benchmarks.md")));
    }

    [Fact]
    public async Task Reports_the_export_of_a_real_smoke_run()
    {
        Directory.CreateDirectory(Results);
        foreach (string file in Directory.GetFiles(FixturesFolder(), "SmokeRun-*"))
        {
            File.Copy(file, Path.Combine(Results, Path.GetFileName(file)));
        }

        var run = await BenchReportAsync();

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Empty(run.Error);
        string page = File.ReadAllText(Path.Combine(Output, "benchmarks.md"));
        foreach (string group in new[] { "CacheLockBenchmarks — Workload=99/1", "CacheLockBenchmarks — Workload=50/50", "MapBenchmarks — Workload=write-heavy", "FalseSharingBenchmarks", "PoolingBenchmarks", "CounterBenchmarks" })
        {
            Assert.Contains($"## {group}", page);
        }

        Assert.Contains("| NewArray (baseline) | 1 |", page);
        Assert.Contains("| Adjacent (baseline) | — |", page);
        string[] charts = Directory.GetFiles(Path.Combine(Output, "benchmarks"), "*.png");
        Assert.Equal(9, charts.Length);
        Assert.All(charts, AssertIsPng);
    }

    private static void AssertIsPng(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        Assert.True(bytes.Length > 1000, $"{path} is only {bytes.Length} bytes");
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, bytes[..4]);
    }

    private static string FixturesFolder([CallerFilePath] string spec = "") => Path.Combine(Path.GetDirectoryName(spec)!, "Fixtures");

    private void WriteExport(string title, string full, string? groups)
    {
        Directory.CreateDirectory(Results);
        File.WriteAllText(Path.Combine(Results, title + "-report-full.json"), full.Replace("$TITLE", title, StringComparison.Ordinal));
        if (groups is not null)
        {
            File.WriteAllText(Path.Combine(Results, title + "-report-groups.json"), groups);
        }
    }

    private Task<HostRun> BenchReportAsync() => HostRun.RunAsync("bench-report", "--results", Results, "--output", Output);
}
