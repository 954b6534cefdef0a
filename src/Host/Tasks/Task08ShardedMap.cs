using System.Collections.Concurrent;
using System.Globalization;
using ActorConcurrency.Demonstrations;
using ActorConcurrency.Host.Catalog;
using ActorConcurrency.SharedState.Maps;
using Spectre.Console;

namespace ActorConcurrency.Host.Tasks;

/// <summary>
/// Task 8: <see cref="ConcurrentDictionary{TKey,TValue}"/> against 16 shards of
/// <see cref="Dictionary{TKey,TValue}"/> + lock, read-heavy and write-heavy, at 1 thread and every core.
/// </summary>
internal sealed class Task08ShardedMap : CatalogTask
{
    private const int Operations = 300_000;

    public override TaskInfo Info { get; } = new(
        8,
        "sync.Map vs shards",
        "sync.Map vs sharded map",
        "Maps",
        SharedStateTypes: ["ConcurrentDictionary", "ShardedDictionary", "MapWorkload"],
        ActorTypes: [],
        Specs: ["ShardedDictionarySpec"],
        Benchmark: "MapBenchmarks");

    public override Task<IDemonstrationResult> RunAsync(DemoContext context)
    {
        int[] threadCounts = [.. new[] { 1, Environment.ProcessorCount }.Distinct()];
        var table = new Table().Border(TableBorder.Rounded)
            .Title("ns per map operation (indicative)")
            .AddColumns("workload", "threads", "ConcurrentDictionary", "16 × Dictionary + lock", "sharded / ConcurrentDictionary");
        var ratios = new List<string>();
        bool consistent = true;
        foreach (MapWorkload workload in MapWorkload.All)
        {
            foreach (int threads in threadCounts)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                var concurrent = new ConcurrentDictionary<int, int>();
                var sharded = new ShardedDictionary<int, int>();
                MapWorkload.Fill(concurrent);
                MapWorkload.Fill(sharded);
                double cd = QuickMeasurement.Measure(threads, Operations, (w, ops) => workload.Run(concurrent, w, ops)).NsPerOp;
                double sh = QuickMeasurement.Measure(threads, Operations, (w, ops) => workload.Run(sharded, w, ops)).NsPerOp;
                consistent &= concurrent.Count == MapWorkload.KeySpace && sharded.Count == MapWorkload.KeySpace;
                double ratio = sh / cd;
                table.AddRow(workload.Name, threads.ToString(CultureInfo.InvariantCulture), Task07ReadWriteLock.Ns(cd), Task07ReadWriteLock.Ns(sh), Task07ReadWriteLock.Ratio(ratio));
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
            $"sharded time / ConcurrentDictionary time at {threadCounts[^1]} threads ({QuickMeasurement.Qualifier}): {string.Join(", ", ratios)}"));
    }
}
