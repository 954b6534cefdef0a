using ActorConcurrency.Host.BenchReport;
using ActorConcurrency.Host.Commands;
using ActorConcurrency.Tests.Support;

namespace ActorConcurrency.Tests.BenchReport;

/// <summary>
/// What qualifies a number in <c>bench-report</c>: the job that measured it (a Dry run flagged as no measurement),
/// its error, the benchmark's own columns, no ratio to a baseline the timer cannot see, and charts that keep every
/// bar visible (a log axis past a 100× spread, one unit).
/// </summary>
public sealed class BenchReportQualifiersSpec : IDisposable
{
    private const string Host = """
        "HostEnvironmentInfo": { "OsVersion": "Test OS", "ProcessorName": "Test CPU", "LogicalCoreCount": 2, "RuntimeVersion": ".NET 10.0.0", "ChronometerFrequency": { "Hertz": 1000000000 } }
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("bench-report-qualifiers-").FullName;

    private string Results => Path.Combine(_folder, "results");

    private string Output => Path.Combine(_folder, "docs");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Names_the_job_shows_median_mean_and_error_and_the_custom_columns()
    {
        Write("Run-20261201-100000",
            Case("TotalRead", "Cell", 5, error: 0.5, job: "ShortRun(IterationCount=3, LaunchCount=1, WarmupCount=3)"),
            Case("TotalRead", "Actors", 9340, error: 120, job: "ShortRun(IterationCount=3, LaunchCount=1, WarmupCount=3)"));
        File.WriteAllText(Path.Combine(Results, "Run-20261201-100000-report-groups.json"), $$"""
            { "Benchmarks": [
              { "FullName": "Fake.Fake.Cell()", "Baseline": true, "Categories": ["TotalRead"],
                "Job": { "Id": "ShortRun", "WarmupCount": 3 }, "Measured": { "Launches": 1, "Iterations": 3 }, "ErrorNs": 0.5, "Columns": { "Hit ratio": "49.8 %" } },
              { "FullName": "Fake.Fake.Actors()", "Baseline": false, "Categories": ["TotalRead"],
                "Job": { "Id": "ShortRun", "WarmupCount": 3 }, "Measured": { "Launches": 1, "Iterations": 3 }, "ErrorNs": 120, "Columns": { "Hit ratio": "?" } }
            ] }
            """);

        HostRun run = await ReportAsync();

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        string page = Page();
        Assert.Contains("Job **ShortRun: 1 launch × 3 iterations (3 warm-ups)** — a short run", page);
        Assert.Contains("| Cell (baseline) | — | 5 ns | 1.00 | baseline | 5 ns ± 0.5 ns | 0 B | 49.8 % |", page);
        Assert.Contains("| Actors | — | 9.34 µs | 1868 | not tested (fewer than 2 iterations) | 9.34 µs ± 120 ns | 0 B | — |", page); // "?" is no value
    }

    [Fact]
    public async Task A_class_reported_as_a_rate_gets_its_rate_beside_the_time()
    {
        Write("Run-20261201-100000", Case("", "Simple", 200, error: 20, job: "Job-X"), Case("", "Padded", 50, error: 5, job: "Job-X"));
        File.WriteAllText(Path.Combine(Results, "Run-20261201-100000-report-groups.json"), """
            { "Benchmarks": [ { "FullName": "Fake.Fake.Simple()", "Baseline": true, "Categories": [], "Rate": "items" },
                              { "FullName": "Fake.Fake.Padded()", "Baseline": false, "Categories": [], "Rate": "items" } ] }
            """);

        await ReportAsync();

        string page = Page();
        Assert.Contains("| method | threads | median [99.9% CI] | items/s | ratio [99.9% CI] | verdict | mean ± error | allocated | notes |", page);
        Assert.Contains("| Simple (baseline) | — | 200 ns | 5 M | 1.00 | baseline | 200 ns ± 20 ns | 0 B |", page);
        Assert.Contains("| Padded | — | 50 ns | 20 M | 0.25 | not tested (fewer than 2 iterations) | 50 ns ± 5 ns | 0 B |", page);
    }

    [Fact]
    public async Task A_dry_run_is_flagged_as_no_measurement_from_the_full_json_alone()
    {
        Write("Run-20261201-100000",
            Case("", "Only", 300, error: null, job: "Dry(IterationCount=1, LaunchCount=1, RunStrategy=ColdStart, WarmupCount=1)", n: 1));

        HostRun run = await ReportAsync();

        Assert.Contains("Job **Dry: 1 launch × 1 iteration (1 warm-up)** — **a dry run", Page());
        Assert.Contains("| Only | — | 300 ns | — | — | 300 ns | 0 B |", Page()); // no sidecar: no baseline, no ratio; one iteration: no error
        Assert.Contains("warning: ", run.Error);
    }

    [Fact]
    public async Task No_ratio_is_given_against_a_baseline_below_the_timer_resolution()
    {
        Write("Run-20261201-100000", Case("TotalRead", "Cell", 0.01, 0, "ShortRun"), Case("TotalRead", "Sharded", 19490, 100, "ShortRun"));
        File.WriteAllText(Path.Combine(Results, "Run-20261201-100000-report-groups.json"), """
            { "Benchmarks": [ { "FullName": "Fake.Fake.Cell()", "Baseline": true, "Categories": ["TotalRead"] },
                              { "FullName": "Fake.Fake.Sharded()", "Baseline": false, "Categories": ["TotalRead"] } ] }
            """);

        await ReportAsync();

        string page = Page();
        Assert.DoesNotContain("1949000", page);
        Assert.Contains("| Sharded | — | 19.49 µs | — | — | 19.49 µs ± 100 ns | 0 B |", page);
        Assert.Contains("below the timer's resolution (1 ns)", page);
    }

    [Fact]
    public async Task Nothing_to_read_is_bad_input_with_one_line()
    {
        Directory.CreateDirectory(Results);

        HostRun run = await ReportAsync();

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void The_committed_results_are_read_first_by_default()
    {
        Assert.Equal(Path.Combine("docs", "benchmarks", "results"), BenchReportCommand.DefaultResultFolders[0]);
    }

    [Theory]
    [InlineData(new[] { 10.0, 50.0, 900.0 }, false)]
    [InlineData(new[] { 8.55, 31.27, 7890.0 }, true)]
    [InlineData(new[] { 0.01, 19490.0 }, true)]
    public void The_axis_is_logarithmic_past_a_100x_spread(double[] means, bool log)
    {
        Assert.Equal(log, ChartLayout.UsesLogAxis(means));
    }

    [Fact]
    public void A_chart_has_one_unit_chosen_by_its_median()
    {
        Assert.Equal((1.0, "ns"), ChartLayout.UnitFor([8.55, 31.27, 50.33]));
        Assert.Equal((1_000.0, "us"), ChartLayout.UnitFor([9_340, 19_490, 5]));
    }

    private static string Case(string category, string method, double mean, double? error, string job, int n = 3) =>
        $$"""
        { "Namespace": "Fake", "Type": "Fake", "Method": "{{method}}", "Parameters": "", "FullName": "Fake.Fake.{{method}}()",
          "DisplayInfo": "Fake.{{method}}: {{job}}",
          "Statistics": { "N": {{n}}, "Mean": {{mean.ToString(System.Globalization.CultureInfo.InvariantCulture)}}, "StandardDeviation": 0,
                          "ConfidenceInterval": { "Margin": {{(error is { } e ? e.ToString(System.Globalization.CultureInfo.InvariantCulture) : "\"\"")}} } },
          "Memory": { "BytesAllocatedPerOperation": 0 } }
        """;

    private void Write(string title, params string[] cases)
    {
        Directory.CreateDirectory(Results);
        File.WriteAllText(Path.Combine(Results, title + "-report-full.json"), $$"""{ "Title": "{{title}}", {{Host}}, "Benchmarks": [ {{string.Join(",", cases)}} ] }""");
    }

    private string Page() => File.ReadAllText(Path.Combine(Output, "benchmarks.md"));

    private Task<HostRun> ReportAsync() => HostRun.RunAsync("bench-report", "--results", Results, "--output", Output);
}
