using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace ActorConcurrency.Bench;

/// <summary>
/// Runs the suites: <c>dotnet run -c Release --project bench -- --filter '*Counter*'</c>. Every class
/// gets <see cref="BenchConfig"/> (memory diagnoser, JSON results for <c>bench-report</c>). Exits 1 when a
/// benchmark failed or a filter matched nothing, so CI's smoke run catches a broken benchmark.
/// <c>spsc-paired</c> runs <see cref="Rings.SpscPairedRun"/> instead, <c>actor-paired</c> <see cref="ActorFloor.ActorPairedRun"/>,
/// <c>race-memory</c> <see cref="RaceMode.RaceModeMemoryRun"/>, <c>race-vs-go</c> <see cref="RaceMode.RaceModeGoRun"/>,
/// <c>report-run</c> every suite of the report with its one job (<see cref="Harness.ReportRun"/>).
/// </summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        if (args is [Rings.SpscPairedRun.Command, ..])
        {
            return Rings.SpscPairedRun.Run(args);
        }

        if (args is [ActorFloor.ActorPairedRun.Command, ..])
        {
            return ActorFloor.ActorPairedRun.Run(args);
        }

        if (args is [RaceMode.RaceModeGoRun.Command, ..])
        {
            return RaceMode.RaceModeGoRun.Run(args);
        }

        if (args is [RaceMode.RaceModeMemoryRun.Command or "race-memory-child", ..])
        {
            return RaceMode.RaceModeMemoryRun.Run(args);
        }

        if (args is [Harness.ReportRun.Command, ..])
        {
            return Harness.ReportRun.Run(args);
        }

        Summary[] summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, BenchConfig.Create()).ToArray();
        bool filtered = args.Any(a => a is "--filter" or "-f");
        if (filtered && summaries.Sum(s => s.BenchmarksCases.Length) == 0)
        {
            Console.Error.WriteLine("error: no benchmark matched the filter");
            return 1;
        }

        return ReportFailures(summaries) == 0 ? 0 : 1;
    }

    /// <summary>Names every failed benchmark (and critical validation error) on stderr; returns how many there were.</summary>
    internal static int ReportFailures(Summary[] summaries)
    {
        var failed = summaries
            .SelectMany(s => s.Reports.Where(r => !r.Success).Select(r => r.BenchmarkCase.DisplayInfo)
                .Concat(s.HasCriticalValidationErrors ? [s.Title + ": critical validation errors"] : []))
            .ToArray();
        foreach (string failure in failed)
        {
            Console.Error.WriteLine($"error: benchmark failed: {failure}");
        }

        return failed.Length;
    }
}
