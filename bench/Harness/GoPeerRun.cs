using System.Globalization;
using System.Text;

namespace ActorConcurrency.Bench.Harness;

/// <summary>
/// The report's Go part (<c>report-run go</c>): the Go forms of the comparable groups (bench/go/peers) under
/// <c>go test -bench</c>, kept for <c>bench-report</c> beside the C# rows of the same groups. The test binary is built
/// first and the load left to settle, so the build is neither measured nor counted as load; then it runs with
/// <c>-benchmem -count 10</c> and its output is written, unchanged, after configuration lines (session, part, job,
/// go version, cores, date, load before and after, the CPU other processes used) in Go's benchmark format, which
/// benchstat reads too. Without a Go toolchain the part is skipped with the reason, so nothing else depends on Go.
/// </summary>
internal static class GoPeerRun
{
    /// <summary>The part's name for <c>report-run</c>.</summary>
    public const string PartName = "go";

    /// <summary>Its result file, under the results folder.</summary>
    public const string FileName = "GoPeers-report-go.txt";

    /// <summary>Measurements per benchmark (<c>-count</c>); the quick job's is 2.</summary>
    public const int Count = 10;

    /// <summary>Its expected length: 39 benchmarks × 10 counts of one to two seconds (Go's 1 s benchtime after its own pilot), and the build.</summary>
    public const int EstimatedMinutes = 10;

    /// <summary>Builds and runs the Go peers, writes the result file; 0 when done or skipped, 1 when Go failed.</summary>
    public static int Run(string session, string artifacts, bool quick)
    {
        if (GoToolchain.ModuleFolder() is not { } module)
        {
            Console.WriteLine($"// {ReportRun.Command}: part {PartName} skipped: bench/go not found from the working directory");
            return 0;
        }

        string peers = Path.Combine(module, "peers");
        string binary = Path.Combine(Path.GetTempPath(), $"actorconcurrency-peers-{Environment.ProcessId}.test");
        try
        {
            GoToolchain.Result? build = GoToolchain.Run("go", ["test", "-c", "-o", binary], peers, TimeSpan.FromMinutes(5));
            if (build is null)
            {
                Console.WriteLine($"// {ReportRun.Command}: part {PartName} skipped: {GoToolchain.MissingReason}");
                return 0;
            }

            if (!build.Succeeded)
            {
                Console.Error.WriteLine($"error: {ReportRun.Command}: part {PartName}: go test -c failed: {build.Reason}");
                return 1;
            }

            if (!quick)
            {
                // A quick run only checks that the part works (CI's smoke run): it does not wait for a quiet machine.
                LoadRecorder.WaitUntilSettled("the Go build");
            }

            int count = quick ? 2 : Count;
            string[] arguments = ["-test.run", "^$", "-test.bench", ".", "-test.benchmem", "-test.count", $"{count}", .. quick ? new[] { "-test.benchtime", "50ms" } : []];
            Console.WriteLine($"// {ReportRun.Command}: session {session}, part {PartName} (bench/go/peers, -count {count}), results in {Path.GetFullPath(Path.Combine(artifacts, "results"))}");
            MachineLoadReading before = MachineLoadReading.Take();
            GoToolchain.Result? run = GoToolchain.Run(binary, arguments, peers, TimeSpan.FromMinutes(30));
            MachineLoadReading after = MachineLoadReading.Take();
            if (run is not { Succeeded: true })
            {
                Console.Error.WriteLine($"error: {ReportRun.Command}: part {PartName}: the Go benchmarks failed: {run?.Reason ?? "could not start the test binary"}");
                return 1;
            }

            string results = Path.Combine(artifacts, "results");
            Directory.CreateDirectory(results);
            string file = Path.Combine(results, FileName);
            File.WriteAllText(file, Header(session, quick, count, before, after) + run.Output);
            Console.WriteLine($"// {ReportRun.Command}: part {PartName}: {run.Output.Split('\n').Count(l => l.StartsWith("Benchmark", StringComparison.Ordinal))} measurements in {file}");
            return 0;
        }
        finally
        {
            File.Delete(binary);
        }
    }

    /// <summary>
    /// Configuration lines in Go's benchmark format ("key: value", a lower-case key without spaces), read by
    /// <c>bench-report</c>: which session and part, the job, the toolchain, the machine's cores, when, and its load.
    /// </summary>
    private static string Header(string session, bool quick, int count, MachineLoadReading before, MachineLoadReading after)
    {
        static string Averages(MachineLoadReading r) =>
            string.Join(' ', new[] { r.LoadOne, r.LoadFive, r.LoadFifteen }.Select(l => l is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) : "?"));

        var header = new StringBuilder();
        header.Append(CultureInfo.InvariantCulture, $"session: {session}\n");
        header.Append(CultureInfo.InvariantCulture, $"part: {PartName}\n");
        header.Append(CultureInfo.InvariantCulture, $"job: {(quick ? "QuickGoTest" : "GoTest")}\n");
        header.Append(CultureInfo.InvariantCulture, $"count: {count}\n");
        header.Append(CultureInfo.InvariantCulture, $"go: {GoToolchain.Version() ?? "unknown"}\n");
        header.Append(CultureInfo.InvariantCulture, $"cores: {Environment.ProcessorCount}\n");
        header.Append(CultureInfo.InvariantCulture, $"date: {before.At.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}\n");
        header.Append(CultureInfo.InvariantCulture, $"load-before: {Averages(before)}\n");
        header.Append(CultureInfo.InvariantCulture, $"load-after: {Averages(after)}\n");
        if (MachineLoadReading.OtherCpuCores(before, after) is { } other)
        {
            header.Append(CultureInfo.InvariantCulture, $"other-cpu-cores: {other:0.00}\n");
        }

        return header.ToString();
    }
}
