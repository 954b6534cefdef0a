using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace ActorConcurrency.Bench.Lru;

/// <summary>
/// The "Hit ratio" column of <see cref="LruBenchmarks"/>: hits / gets over every invocation of a case.
/// The benchmark process (a child process in a normal run) writes each case's ratio to a small file in
/// the temp folder when it cleans up; the host process reads it back when it prints the summary, so the
/// ratio lands in the results table, the markdown and the CSV next to the throughput.
/// </summary>
internal sealed class HitRatioColumn : IColumn
{
    private static readonly string Folder = Path.Combine(Path.GetTempPath(), "actorconcurrency-bench-hit-ratio");

    public string Id => nameof(HitRatioColumn);

    public string ColumnName => "Hit ratio";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Hits / gets over all invocations of the case (written by the benchmark process)";

    /// <summary>Benchmark process: records the ratio of <paramref name="method"/> with these parameters.</summary>
    public static void Record(string method, int threads, int getPercent, long hits, long gets)
    {
        if (gets == 0)
        {
            return;
        }

        Directory.CreateDirectory(Folder);
        double ratio = (double)hits / gets;
        File.WriteAllText(PathOf(method, threads, getPercent), ratio.ToString("R", CultureInfo.InvariantCulture));
        Console.WriteLine($"// hit ratio {method} threads={threads} get%={getPercent}: {ratio:P2} ({hits}/{gets})");
    }

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        string method = benchmarkCase.Descriptor.WorkloadMethod.Name;
        int threads = Convert.ToInt32(benchmarkCase.Parameters[nameof(LruBenchmarks.Threads)], CultureInfo.InvariantCulture);
        int getPercent = Convert.ToInt32(benchmarkCase.Parameters[nameof(LruBenchmarks.GetPercent)], CultureInfo.InvariantCulture);
        string path = PathOf(method, threads, getPercent);
        return File.Exists(path)
            ? double.Parse(File.ReadAllText(path), CultureInfo.InvariantCulture).ToString("P1", CultureInfo.InvariantCulture)
            : "?";
    }

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;

    private static string PathOf(string method, int threads, int getPercent) =>
        Path.Combine(Folder, $"{method}-t{threads}-g{getPercent}.txt");
}
