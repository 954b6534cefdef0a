using System.Globalization;
using System.Text;
using ActorConcurrency.Host.BenchReport;
using ActorConcurrency.Host.Commands;
using ActorConcurrency.Tests.Support;

namespace ActorConcurrency.Tests.BenchReport;

/// <summary>
/// The Go peers in the report (issue 21, point 6): a Go benchmark's name places it beside the C# rows of the group it
/// names, its counts are its iterations (median, interval, verdict by the same rule), its notes say how its C# form
/// compares with it, and the committed report's Go rows each stand beside a measured C# form.
/// </summary>
public sealed class GoPeerReportSpec : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("bench-report-go-").FullName;

    private string Results => Path.Combine(_folder, "results");

    private string Output => Path.Combine(_folder, "docs");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Go_rows_stand_beside_their_CSharp_forms_with_a_verdict_each_way()
    {
        IterationExports.Write(Results, "Run-20261207-060000", "2026-12-07",
            new IterationCase("Interlocked", IterationExports.Spread(10, 45), Baseline: true, Type: "CounterBenchmarks", Parameters: "Threads=1", Category: "Increment"),
            new IterationCase("MonitorLock", IterationExports.Spread(20, 45), Type: "CounterBenchmarks", Parameters: "Threads=1", Category: "Increment"),
            new IterationCase("MonitorLock", IterationExports.Spread(40, 45), Baseline: true, Type: "CacheLockBenchmarks", Parameters: "Workload=90/10&Threads=2"),
            new IterationCase("ReaderWriterLock", IterationExports.Spread(60, 45), Type: "CacheLockBenchmarks", Parameters: "Workload=90/10&Threads=2"));
        WriteGo(
            ("CounterBenchmarks/Increment/Threads=1/Interlocked/atomic.AddInt64", 5),
            ("CounterBenchmarks/Increment/Threads=1/MonitorLock/sync.Mutex", 20),
            ("CacheLockBenchmarks/Workload=90-10/Threads=2/ReaderWriterLock/sync.RWMutex", 120),
            ("SpscBenchmarks/SimpleRing/seed_ring", 30),
            ("NoPlaceInTheReport", 1));

        HostRun run = await HostRun.RunAsync("bench-report", "--results", Results, "--output", Output);

        Assert.Equal(ExitCodes.DemonstrationFailed, run.ExitCode); // the unreadable name is an error of the page; the rest is reported
        string page = File.ReadAllText(Path.Combine(Output, "benchmarks.md"));
        string counters = Section(page, "## CounterBenchmarks — Increment");
        Assert.Matches(@"\| Go atomic\.AddInt64 \| 1 \| 5 ns \[[\d.–]+\] \| 0\.50 \[0\.4\d–0\.5\d\] \| \*\*faster \(p < 0\.0001\)\*\* \| [^|]+ \| 0 B \| Go form of Interlocked; C# vs Go: 2\.00 \[1\.9\d–2\.0\d\], C# slower \(p < 0\.0001\); interval only 99\.8% \(median\)", counters);
        Assert.Matches(@"Go form of MonitorLock; C# vs Go: 1\.00 \[[\d.–]+\], no measurable difference \(p = [01]\.\d+\)", counters);
        string cache = Section(page, "## CacheLockBenchmarks — Workload=90/10");
        Assert.Matches(@"\| Go sync\.RWMutex \| 2 \| 120 ns \[[\d.–]+\] \| 3\.00 \[[\d.–]+\] \| \*\*slower \(p < 0\.0001\)\*\* \|", cache);
        Assert.Contains("Go form of ReaderWriterLock; C# vs Go: 0.50 [", cache);
        Assert.Contains("C# faster (p < 0.0001)", cache);
        Assert.Contains("| Go seed ring |", Section(page, "## SpscBenchmarks"));
        Assert.Contains("- **Go peers:** 4 rows (`Go …`)", page);
        Assert.Contains("in session `2026-12-07`", page);
        Assert.Contains("Their C# forms are faster in 1, slower in 1 and not measurably different in 1", page);
        Assert.Contains("**Precision:** 4 of 4 rows (100%)", page); // the C# rows only
        Assert.Contains("**One session:** every row comes from report session `2026-12-07`", page);
        Assert.Contains($"| {GoPeerResultsReader.LoadLabel} | `GoPeers-report-go.txt` | 0.10 / 0.20 / 0.30 | 1.90 / 1.00 / 0.50 | 0.02 |", page);
        Assert.Contains("BenchmarkNoPlaceInTheReport: the name does not say class/[category/]Param=value…/C# method/Go form", page);
        Assert.Contains("BenchmarkSpscBenchmarks/SimpleRing/seed_ring: no C# row of SpscBenchmarks with these parameters to stand beside; reported alone", page);
    }

    [Fact]
    public void Every_Go_peer_of_the_committed_report_stands_beside_its_measured_CSharp_form()
    {
        string results = Path.Combine(RepositoryFiles.Root, "docs", "benchmarks", "results");
        BenchmarkResults read = BenchmarkResultsReader.Read([results]);
        IReadOnlyList<ComparisonGroup> groups = ComparisonGrouping.Group(read.Rows);

        var goRows = groups.SelectMany(g => g.Rows.Where(r => r.GoTwin is not null).Select(r => (Group: g, Row: r))).ToArray();
        Assert.True(goRows.Length >= 30, $"the committed report has {goRows.Length} Go rows; bench/go/peers has 39 benchmarks");
        Assert.DoesNotContain(read.Warnings.Concat(read.Errors), w => w.Contains(GoPeerResultsReader.Suffix, StringComparison.Ordinal));
        Assert.All(goRows, pair => Assert.NotNull(pair.Group.CompareWithGoTwin(pair.Row, ComparisonRule.Default)));
    }

    private void WriteGo(params (string Name, double Ns)[] benchmarks)
    {
        var text = new StringBuilder("""
            session: 2026-12-07
            part: go
            job: GoTest
            count: 10
            go: go1.19.8 linux/amd64
            cores: 2
            date: 2026-12-07T07:00:00Z
            load-before: 0.10 0.20 0.30
            load-after: 1.90 1.00 0.50
            other-cpu-cores: 0.02
            goos: linux
            goarch: amd64
            pkg: actorconcurrency/bench/peers
            cpu: Test CPU

            """);
        for (int count = 0; count < 10; count++)
        {
            foreach ((string name, double ns) in benchmarks)
            {
                double value = ns * (1 + ((count - 4.5) / 450)); // ten values within ±1%, none equal
                text.Append(CultureInfo.InvariantCulture, $"Benchmark{name}-2   \t 1000000\t{value:0.000} ns/op\t       0 B/op\t       0 allocs/op\n");
            }
        }

        text.Append("PASS\n");
        File.WriteAllText(Path.Combine(Results, "GoPeers" + GoPeerResultsReader.Suffix), text.ToString());
    }

    /// <summary>The page from <paramref name="heading"/> to the next group's heading.</summary>
    private static string Section(string page, string heading)
    {
        int start = page.IndexOf(heading, StringComparison.Ordinal);
        Assert.True(start >= 0, $"no section {heading}");
        int end = page.IndexOf("\n## ", start + heading.Length, StringComparison.Ordinal);
        return end < 0 ? page[start..] : page[start..end];
    }
}
