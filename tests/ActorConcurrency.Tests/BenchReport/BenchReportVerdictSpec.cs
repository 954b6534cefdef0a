using ActorConcurrency.Host.BenchReport;
using ActorConcurrency.Host.Commands;
using ActorConcurrency.Tests.Support;
using Case = ActorConcurrency.Tests.BenchReport.IterationCase;

namespace ActorConcurrency.Tests.BenchReport;

/// <summary>
/// What a row of the report says when the export carries every iteration: the median with its 99.9% interval, the
/// ratio of medians with its interval, the verdict against the baseline, the precision and load notes, and the page's
/// count of how far it can be trusted.
/// </summary>
public sealed class BenchReportVerdictSpec : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("bench-report-verdict-").FullName;

    private string Results => Path.Combine(_folder, "results");

    private string Output => Path.Combine(_folder, "docs");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task A_clear_2x_is_slower_identical_times_are_no_measurable_difference_and_rows_show_medians_with_intervals()
    {
        Write("Run-20261201-100000", session: "s1",
            new Case("Lock", Spread(100, 30), Baseline: true),
            new Case("Same", Spread(100, 30, shift: 0.2)),
            new Case("Twice", Spread(200, 30)),
            new Case("Half", Spread(50, 30)));

        HostRun run = await ReportAsync();

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        string page = Page();
        Assert.Contains("| method | threads | median [99.9% CI] | ratio [99.9% CI] | verdict | mean ± error | allocated | notes |", page);
        Assert.Matches(@"\| Lock \(baseline\) \| — \| 100 ns \[9\d\.\d+–10\d\.\d+\] \| 1\.00 \| baseline \|", page);
        Assert.Matches(@"\| Same \| — \| 100 ns \[[\d.–]+\] \| 1\.00 \[0\.9\d–1\.0\d\] \| no measurable difference \(p = 0\.\d+\) \|", page);
        Assert.Matches(@"\| Twice \| — \| 200 ns \[[\d.–]+\] \| 2\.00 \[1\.9\d–2\.0\d\] \| \*\*slower \(p < 0\.0001\)\*\* \|", page);
        Assert.Matches(@"\| Half \| — \| 50 ns \[[\d.–]+\] \| 0\.50 \[0\.4\d–0\.5\d\] \| \*\*faster \(p < 0\.0001\)\*\* \|", page);
        Assert.Contains("**One session:** every row comes from report session `s1`", page);
        Assert.Contains("**Precision:** 4 of 4 rows (100%)", page);
    }

    [Fact]
    public async Task A_baseline_under_a_nanosecond_per_operation_is_compared_unless_its_interval_reaches_zero()
    {
        // The sharded counter's TotalRead, 2026-12-07: a Volatile.Read looped 1,000 times per invocation takes 0.33 ns, each
        // iteration 50 ms; a time per operation under the clock's 1 ns tick is no sign the clock could not see it.
        Write("Run-20261201-100000", session: "s1",
            new Case("Cell", Spread(0.33, 30), Baseline: true, Category: "TotalRead"),
            new Case("Striped", Spread(12, 30), Category: "TotalRead"),
            new Case("Empty", Spread(0.02, 30, width: 4), Baseline: true, Category: "Removed"),
            new Case("Sharded", Spread(26_400, 30), Category: "Removed"));

        await ReportAsync();

        string page = Page();
        Assert.Matches(@"\| Striped \| — \| 12 ns \[[\d.–]+\] \| 36\.\d+ \[[\d.–]+\] \| \*\*slower \(p < 0\.0001\)\*\* \|", page);
        Assert.Matches(@"\| Sharded \| — \| 26\.4 µs \[[\d.–]+\] \| — \| — \|", page);
        Assert.Contains("The baseline (0.02 ns) cannot be told from nothing: its median's interval reaches 0", page);
    }

    [Fact]
    public async Task Three_iterations_against_three_show_no_measurable_difference_whatever_the_ratio()
    {
        Write("Run-20261201-100000", session: null,
            new Case("Lock", [100, 101, 102], Baseline: true, Job: "ShortRun"),
            new Case("Twice", [200, 201, 202], Job: "ShortRun"));

        await ReportAsync();

        string page = Page();
        Assert.Contains("| Twice | — | 201 ns [200–202] | 1.99 [1.96–2.02] | no measurable difference (p = 0.10) |", page);
        Assert.Contains("intervals only 75% (median) and 90% (ratio): too few iterations for 99.9% (3 here)", page);
        Assert.Contains("**Not one session:**", page);
        Assert.Contains("**Precision:** 0 of 2 rows (0%)", page);
    }

    [Fact]
    public async Task A_row_whose_interval_is_wider_than_10_percent_says_it_is_imprecise()
    {
        Write("Run-20261201-100000", session: "s1",
            new Case("Lock", Spread(100, 30), Baseline: true),
            new Case("Noisy", Spread(100, 30, width: 0.8)));

        await ReportAsync();

        Assert.Matches(@"\| Noisy \|.*imprecise: interval ±\d+(\.\d+)?% of the median \(target ±10%\) \|", Page());
        Assert.Contains("**Precision:** 1 of 2 rows (50%)", Page());
    }

    [Fact]
    public async Task Rows_measured_under_load_are_flagged_and_the_load_around_each_class_is_listed()
    {
        Write("Run-20261201-100000", session: "s1",
            new Case("Lock", Spread(100, 30), Baseline: true, Load: (0.4, 1.9, 0.05)),
            new Case("Busy", Spread(100, 30), Load: (0.5, 2.4, 0.80)), // other processes took 0.8 of a core
            new Case("Late", Spread(100, 30), Load: (3.10, 3.2, null))); // the machine was loaded before it started, and nothing else was recorded

        await ReportAsync();

        string page = Page();
        Assert.Matches(@"\| Lock \(baseline\) \|[^\n]*\|\s*\|\r?\n", page); // no note: quiet, and 1.9 after is its own threads
        Assert.Contains("under load: other work used 0.80 cores |", page);
        Assert.Contains("under load: load average 3.10 > 2 cores before it (other work not recorded) |", page);
        Assert.Contains("**Load:** 2 of 3 rows with load readings were measured under load", page);
        Assert.Contains("## Machine load around each class", page);
        Assert.Contains("| Fake | `Run-20261201-100000-report-full.json` | 0.40 / 0.50 / 0.60 | 3.20 / 3.00 / 2.00 | 0.33 |", page);
    }

    [Theory]
    [InlineData(0.1, 1.0, 0.2, 2, null)]
    [InlineData(0.1, 5.0, 0.3, 2, "other work used 0.30 cores")] // the load after is the case's own threads
    [InlineData(2.02, 2.0, 0.02, 2, null)] // the previous case's own threads, nobody else: the quick run's false alarm
    [InlineData(2.5, 2.0, 0.26, 2, "other work used 0.26 cores")]
    [InlineData(2.5, 2.0, null, 2, "load average 2.50 > 2 cores before it (other work not recorded)")]
    [InlineData(2.5, 2.0, null, 4, null)]
    public void The_load_flag_counts_other_processes_and_only_without_them_the_load_average_before(
        double before, double after, double? other, int cores, string? reason)
    {
        Assert.Equal(reason, new MachineLoad(before, after, other).BusyReason(cores));
    }

    [Fact]
    public void Without_load_readings_nothing_is_flagged()
    {
        Assert.Null(new MachineLoad(null, null, null).BusyReason(2));
        Assert.Null(new MachineLoad(5, 5, null).BusyReason(null));
    }

    [Fact]
    public async Task A_row_whose_launches_were_still_warming_up_says_so_and_the_page_counts_it()
    {
        double[] Launch(double shift) => [.. Spread(200, 10, width: 0.1, shift: shift), .. Spread(100, 30, width: 0.1, shift: shift)];
        Write("Run-20261201-100000", session: "s1",
            new Case("Steady", [.. Spread(100, 40, shift: 0.1), .. Spread(100, 40, shift: 0.3), .. Spread(100, 40, shift: 0.5)], Baseline: true, Launches: 3),
            new Case("Warming", [.. Launch(0.2), .. Launch(0.4), .. Launch(0.6)], Launches: 3),
            new Case("Short", [100, 101, 102], Launches: 3));

        await ReportAsync();

        string page = Page();
        Assert.Matches(@"\| Warming \| — \|[^\n]*not steady: the first quarter of each launch's iterations took 2\.\d\d \[[\d.–]+\]× the last quarter's time \(p < 0\.0001\): still warming up when measured", page);
        Assert.DoesNotMatch(@"\| Steady \(baseline\) \|[^\n]*not steady", page);
        Assert.Contains("**Steadiness:** 1 of 2 rows drifted within their launches", page);
    }

    private static double[] Spread(double centre, int n, double width = 0.04, double shift = 0) => IterationExports.Spread(centre, n, width, shift);

    private void Write(string title, string? session, params Case[] cases) => IterationExports.Write(Results, title, session, cases);

    private string Page() => File.ReadAllText(Path.Combine(Output, "benchmarks.md"));

    private Task<HostRun> ReportAsync() => HostRun.RunAsync("bench-report", "--results", Results, "--output", Output);
}
