using System.Runtime.CompilerServices;
using ActorConcurrency.Host.BenchReport;
using ActorConcurrency.Host.Commands;
using ActorConcurrency.Tests.Support;

namespace ActorConcurrency.Tests.BenchReport;

/// <summary>
/// The report run's machinery end to end, on a real run kept in <c>Fixtures/QuickReportRun</c>:
/// <c>dotnet run -c Release --project bench -- report-run FalseSharingBenchmarks PoolingBenchmarks --quick --session sample</c>
/// (2 launches × 3 iterations; a busy shared machine, so its figures are no measurement). What the bench wrote — every
/// iteration of both launches, the session and part, the load around each class and case — is what the report reads.
/// </summary>
public sealed class QuickReportRunSpec : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("bench-report-quick-run-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void The_bench_wrote_every_iteration_of_both_launches_the_session_and_the_load_of_every_case()
    {
        BenchmarkResults results = BenchmarkResultsReader.Read([Fixture()]);

        Assert.Empty(results.Errors);
        Assert.Empty(results.Warnings);
        Assert.Equal(9, results.Rows.Count); // 3 false-sharing forms, 3 pools at 1 and 2 threads
        Assert.All(results.Rows, row =>
        {
            Assert.Equal(6, row.Samples!.Count);
            Assert.Equal(new BenchmarkJob("QuickReport", 2, 6, 1), row.Job);
            Assert.Equal(("sample", 2), (row.Run.Session, row.Run.Cores));
            Assert.NotNull(row.Load);
            Assert.NotNull(row.Load.LoadBefore);
            Assert.NotNull(row.Load.LoadAfter);
            Assert.InRange(row.Load.OtherCpuCores!.Value, 0, 2);
        });
        Assert.Equal(["FalseSharingBenchmarks", "PoolingBenchmarks"], results.Rows.Select(r => r.Run.Part).Distinct().Order());
        Assert.Equal(2, results.ClassLoads.Count);
        Assert.All(results.ClassLoads, load => Assert.Equal(3, load.Before!.Count));
    }

    [Fact]
    public async Task Its_report_says_one_session_names_the_job_and_lists_the_load_around_each_class()
    {
        HostRun run = await HostRun.RunAsync("bench-report", "--results", Fixture(), "--output", _folder);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Empty(run.Error);
        string page = File.ReadAllText(Path.Combine(_folder, "benchmarks.md"));
        Assert.Contains("**One session:** every row comes from report session `sample`, measured with one job (QuickReport).", page);
        Assert.Contains("Job **QuickReport: 2 launches × 3 iterations (1 warm-up)** — a short run", page);
        Assert.Contains("| sample (FalseSharingBenchmarks) |", page);
        Assert.Contains("of 9 rows with load readings were measured under load", page);
        Assert.Contains("## Machine load around each class", page);
        Assert.Contains("| FalseSharingBenchmarks | `", page);
        Assert.Contains("| PoolingBenchmarks | `", page);
        Assert.Equal(2, Directory.GetFiles(Path.Combine(_folder, "benchmarks"), "*.png").Length);
    }

    private static string Fixture([CallerFilePath] string spec = "") => Path.Combine(Path.GetDirectoryName(spec)!, "Fixtures", "QuickReportRun");
}
