using System.Globalization;
using ActorConcurrency.Demonstrations;
using ActorConcurrency.Demonstrations.FalseSharing;
using ActorConcurrency.Host.Catalog;
using Spectre.Console;

namespace ActorConcurrency.Host.Tasks;

/// <summary>
/// Task 10: two threads incrementing their own counter, with the counters adjacent, 64 and 128 bytes apart
/// (<see cref="FalseSharingExperiment"/>): the distance measured between the two fields and the time per increment.
/// </summary>
internal sealed class Task10FalseSharing : CatalogTask
{
    public override TaskInfo Info { get; } = new(
        10,
        "False sharing",
        "false sharing",
        "FalseSharing",
        SharedStateTypes: ["AdjacentCounters", "PaddedCounters64", "PaddedCounters128", "TwoThreadIncrements"],
        ActorTypes: [],
        Specs: ["PaddingSpec", "FalseSharingExperimentSpec"],
        Benchmark: "FalseSharingBenchmarks");

    public override Task<IDemonstrationResult> RunAsync(DemoContext context)
    {
        FalseSharingResult result = FalseSharingExperiment.Run(context.CancellationToken);
        var table = new Table().Border(TableBorder.Rounded)
            .Title($"2 threads × {result.IncrementsPerThread:N0} Interlocked increments each (indicative)")
            .AddColumns("counters", "bytes between fields (measured)", "struct size", "ns per increment", "vs adjacent");
        foreach (PaddingRow row in result.Rows)
        {
            table.AddRow(row.Form, row.Distance.ToString(CultureInfo.InvariantCulture), row.Size.ToString(CultureInfo.InvariantCulture),
                IndicativeTimings.Ns(row.Ns), IndicativeTimings.Ratio(row.Ns / result.Rows[0].Ns));
        }

        context.Console.Write(table);
        IndicativeTimings.PrintCaveat(context.Console, Info.Benchmark);
        return Task.FromResult<IDemonstrationResult>(result);
    }
}
