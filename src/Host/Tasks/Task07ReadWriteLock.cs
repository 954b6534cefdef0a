using System.Globalization;
using ActorConcurrency.Demonstrations;
using ActorConcurrency.Host.Catalog;
using ActorConcurrency.SharedState.Caches;
using Spectre.Console;

namespace ActorConcurrency.Host.Tasks;

/// <summary>
/// Task 7: a cache behind <c>lock</c>, behind <see cref="System.Threading.Lock"/> and behind
/// <see cref="ReaderWriterLockSlim"/>, timed for four read/write mixes at 1 thread and every core.
/// </summary>
internal sealed class Task07ReadWriteLock : CatalogTask
{
    /// <summary>Operations per measured cell: a few milliseconds each, the whole table in about a second.</summary>
    private const int Operations = 200_000;

    public override TaskInfo Info { get; } = new(
        7,
        "RWMutex vs Mutex",
        "sync.RWMutex vs sync.Mutex",
        "Caches",
        SharedStateTypes: ["MonitorCache", "ThreadingLockCache", "ReaderWriterLockCache", "CacheWorkload"],
        ActorTypes: [],
        Specs: ["CacheLockSpec"],
        Benchmark: "CacheLockBenchmarks");

    public override Task<IDemonstrationResult> RunAsync(DemoContext context)
    {
        int[] threadCounts = [.. new[] { 1, Environment.ProcessorCount }.Distinct()];
        var table = new Table().Border(TableBorder.Rounded)
            .Title("ns per cache operation (indicative)")
            .AddColumns("workload (read/write)", "threads", "lock (Monitor)", "System.Threading.Lock", "ReaderWriterLockSlim", "RW lock / lock");
        var ratios = new List<string>();
        bool consistent = true;
        foreach (CacheWorkload workload in CacheWorkload.All)
        {
            foreach (int threads in threadCounts)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                var monitor = new MonitorCache<int, int>();
                var threadingLock = new ThreadingLockCache<int, int>();
                using var readerWriter = new ReaderWriterLockCache<int, int>();
                double m = Time(monitor, workload, threads);
                double l = Time(threadingLock, workload, threads);
                double rw = Time(readerWriter, workload, threads);

                // Every form ran the same operations over the same keys: each must still hold every key.
                consistent &= monitor.Count == CacheWorkload.KeySpace && threadingLock.Count == CacheWorkload.KeySpace && readerWriter.Count == CacheWorkload.KeySpace;
                double ratio = rw / m;
                table.AddRow(workload.Name, threads.ToString(CultureInfo.InvariantCulture), Ns(m), Ns(l), Ns(rw), Ratio(ratio));
                if (threads == threadCounts[^1])
                {
                    ratios.Add($"{workload.Name}: {ratio:0.00}x");
                }
            }
        }

        context.Console.Write(table);
        QuickMeasurement.PrintCaveat(context.Console, Info.Benchmark);
        return Task.FromResult<IDemonstrationResult>(new DemoOutcome(
            consistent,
            $"RW lock time / lock time at {threadCounts[^1]} threads ({QuickMeasurement.Qualifier}): {string.Join(", ", ratios)}"));
    }

    internal static string Ns(double ns) => ns.ToString("0.0", CultureInfo.InvariantCulture);

    /// <summary>A ratio of times, green when the challenger is faster than the baseline.</summary>
    internal static string Ratio(double ratio) =>
        (ratio < 1 ? "[green]" : "[yellow]") + ratio.ToString("0.00", CultureInfo.InvariantCulture) + "x[/]";

    private static double Time(ICache<int, int> cache, CacheWorkload workload, int threads)
    {
        CacheWorkload.Fill(cache);
        return QuickMeasurement.Measure(threads, Operations, (worker, ops) => workload.Run(cache, worker, ops)).NsPerOp;
    }
}
