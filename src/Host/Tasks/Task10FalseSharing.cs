using System.Globalization;
using System.Runtime.CompilerServices;
using ActorConcurrency.Demonstrations;
using ActorConcurrency.Host.Catalog;
using ActorConcurrency.SharedState.FalseSharing;
using Spectre.Console;

namespace ActorConcurrency.Host.Tasks;

/// <summary>
/// Task 10: two threads incrementing their own counter, with the counters adjacent, 64 and 128 bytes
/// apart. Prints the distance measured between the two fields of each struct and the time per increment.
/// </summary>
internal sealed class Task10FalseSharing : CatalogTask
{
    private const long IncrementsPerThread = 2_000_000;

    public override TaskInfo Info { get; } = new(
        10,
        "False sharing",
        "false sharing",
        "FalseSharing",
        SharedStateTypes: ["AdjacentCounters", "PaddedCounters64", "PaddedCounters128", "TwoThreadIncrements"],
        ActorTypes: [],
        Specs: ["PaddingSpec"],
        Benchmark: "FalseSharingBenchmarks");

    public override Task<IDemonstrationResult> RunAsync(DemoContext context)
    {
        var rows = new (string Form, long Distance, int Size, double Ns)[]
        {
            ("adjacent", Distance<AdjacentCounters>(), Unsafe.SizeOf<AdjacentCounters>(), Time<AdjacentCounters>(context)),
            ("padded to 64 bytes", Distance<PaddedCounters64>(), Unsafe.SizeOf<PaddedCounters64>(), Time<PaddedCounters64>(context)),
            ("padded to 128 bytes", Distance<PaddedCounters128>(), Unsafe.SizeOf<PaddedCounters128>(), Time<PaddedCounters128>(context)),
        };

        var table = new Table().Border(TableBorder.Rounded)
            .Title($"2 threads × {IncrementsPerThread:N0} Interlocked increments each (indicative)")
            .AddColumns("counters", "bytes between fields (measured)", "struct size", "ns per increment", "vs adjacent");
        foreach (var row in rows)
        {
            table.AddRow(row.Form, row.Distance.ToString(CultureInfo.InvariantCulture), row.Size.ToString(CultureInfo.InvariantCulture),
                Task07ReadWriteLock.Ns(row.Ns), Task07ReadWriteLock.Ratio(row.Ns / rows[0].Ns));
        }

        context.Console.Write(table);
        QuickMeasurement.PrintCaveat(context.Console, Info.Benchmark);

        // What must hold whatever the timing: the padded fields are at least a line (or two) apart.
        bool held = rows[0].Distance < CacheLine.Size && rows[1].Distance >= CacheLine.Size && rows[2].Distance >= CacheLine.PrefetchPair;
        return Task.FromResult<IDemonstrationResult>(new DemoOutcome(
            held,
            $"fields {rows[0].Distance}/{rows[1].Distance}/{rows[2].Distance} bytes apart; ns/increment adjacent {rows[0].Ns:0.0}, " +
            $"padded64 {rows[1].Ns:0.0} ({Compared(rows[0].Ns, rows[1].Ns)}), padded128 {rows[2].Ns:0.0} ({QuickMeasurement.Qualifier})"));
    }

    /// <summary>"2.5x faster" or "1.3x slower" (never "0.8x faster"): how padded compares with adjacent in this run.</summary>
    internal static string Compared(double adjacentNs, double paddedNs) => paddedNs <= adjacentNs
        ? $"{adjacentNs / paddedNs:0.0}x faster"
        : $"{paddedNs / adjacentNs:0.0}x slower in this run: false sharing did not show";

    /// <summary>The byte distance between the two counters of a live instance, read from their addresses.</summary>
    private static long Distance<T>()
        where T : struct, ITwoCounters
    {
        var holder = new T[1];
        return TwoThreadIncrements.ByteDistance(holder);
    }

    private static double Time<T>(DemoContext context)
        where T : struct, ITwoCounters
    {
        double best = double.MaxValue;
        for (int repeat = 0; repeat < QuickMeasurement.Repeats; repeat++)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            best = Math.Min(best, TwoThreadIncrements.Run<T>(IncrementsPerThread).TotalNanoseconds / (2.0 * IncrementsPerThread));
        }

        return best;
    }
}
