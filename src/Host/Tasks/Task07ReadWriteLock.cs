using System.Globalization;
using ActorConcurrency.Demonstrations;
using ActorConcurrency.Demonstrations.Caches;
using ActorConcurrency.Host.Catalog;
using Spectre.Console;

namespace ActorConcurrency.Host.Tasks;

/// <summary>
/// Task 7: a cache behind <c>lock</c>, behind <see cref="System.Threading.Lock"/> and behind
/// <see cref="ReaderWriterLockSlim"/>, timed for four read/write mixes at 1 thread and every core (<see cref="ReadWriteLockExperiment"/>).
/// </summary>
internal sealed class Task07ReadWriteLock : CatalogTask
{
    public override TaskInfo Info { get; } = new(
        7,
        "RWMutex vs Mutex",
        "sync.RWMutex vs sync.Mutex",
        "Caches",
        SharedStateTypes: ["MonitorCache", "ThreadingLockCache", "ReaderWriterLockCache", "CacheWorkload"],
        ActorTypes: [],
        Specs: ["CacheLockSpec", "ReadWriteLockExperimentSpec"],
        Benchmark: "CacheLockBenchmarks");

    public override Task<IDemonstrationResult> RunAsync(DemoContext context)
    {
        ReadWriteLockResult result = ReadWriteLockExperiment.Run(context.CancellationToken);
        var table = new Table().Border(TableBorder.Rounded)
            .Title("ns per cache operation (indicative)")
            .AddColumns("workload (read/write)", "threads", "lock (Monitor)", "System.Threading.Lock", "ReaderWriterLockSlim", "RW lock / lock");
        foreach (CacheLockTiming row in result.Rows)
        {
            table.AddRow(row.Workload, row.Threads.ToString(CultureInfo.InvariantCulture),
                IndicativeTimings.Ns(row.MonitorNs), IndicativeTimings.Ns(row.ThreadingLockNs), IndicativeTimings.Ns(row.ReaderWriterNs), IndicativeTimings.Ratio(row.Ratio));
        }

        context.Console.Write(table);
        IndicativeTimings.PrintCaveat(context.Console, Info.Benchmark);
        return Task.FromResult<IDemonstrationResult>(result);
    }
}
