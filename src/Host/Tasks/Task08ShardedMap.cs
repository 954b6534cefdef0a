using System.Collections.Concurrent;
using System.Globalization;
using ActorConcurrency.Demonstrations;
using ActorConcurrency.Demonstrations.Maps;
using ActorConcurrency.Host.Catalog;
using Spectre.Console;

namespace ActorConcurrency.Host.Tasks;

/// <summary>
/// Task 8: <see cref="ConcurrentDictionary{TKey,TValue}"/> against 16 shards of
/// <see cref="Dictionary{TKey,TValue}"/> + lock, read-heavy and write-heavy, at 1 thread and every core (<see cref="ShardedMapExperiment"/>).
/// </summary>
internal sealed class Task08ShardedMap : CatalogTask
{
    public override TaskInfo Info { get; } = new(
        8,
        "sync.Map vs shards",
        "sync.Map vs sharded map",
        "Maps",
        SharedStateTypes: ["ConcurrentDictionary", "ShardedDictionary", "MapWorkload"],
        ActorTypes: [],
        Specs: ["ShardedDictionarySpec", "ShardedMapExperimentSpec"],
        Benchmark: "MapBenchmarks");

    public override Task<IDemonstrationResult> RunAsync(DemoContext context)
    {
        ShardedMapResult result = ShardedMapExperiment.Run(context.CancellationToken);
        var table = new Table().Border(TableBorder.Rounded)
            .Title("ns per map operation (indicative)")
            .AddColumns("workload", "threads", "ConcurrentDictionary", "16 × Dictionary + lock", "sharded / ConcurrentDictionary");
        foreach (MapTiming row in result.Rows)
        {
            table.AddRow(row.Workload, row.Threads.ToString(CultureInfo.InvariantCulture),
                IndicativeTimings.Ns(row.ConcurrentNs), IndicativeTimings.Ns(row.ShardedNs), IndicativeTimings.Ratio(row.Ratio));
        }

        context.Console.Write(table);
        IndicativeTimings.PrintCaveat(context.Console, Info.Benchmark);
        return Task.FromResult<IDemonstrationResult>(result);
    }
}
