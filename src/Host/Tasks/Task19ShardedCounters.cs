using System.CommandLine;
using ActorConcurrency.Demonstrations;
using ActorConcurrency.Demonstrations.ShardedCounters;
using ActorConcurrency.Host.Catalog;
using Spectre.Console;

namespace ActorConcurrency.Host.Tasks;

/// <summary>
/// Task 19: cross-shard reads. Shared memory: a striped counter read while others increment (monotonic
/// reads) and while value moves between stripes (plain sum vs snapshot) (<see cref="StripedCounterExperiment"/>).
/// Actors: counter entities on a single-node Akka.Cluster.Sharding cluster with a SQLite journal, totals gathered
/// across shards (<see cref="ShardedLoadExperiment"/>). Each section prints as it finishes.
/// </summary>
internal sealed class Task19ShardedCounters : CatalogTask
{
    /// <summary>How long each shared-memory experiment runs.</summary>
    public static readonly TaskOption<double> Seconds = new(
        "--transfer-seconds", "Seconds each striped-counter experiment runs", 2, v => v is <= 0 or > 600 ? "must be between 0 and 600" : null);

    /// <summary>How many increments the sharded part sends.</summary>
    public static readonly TaskOption<int> Increments = new(
        "--sharded-increments", "Increments sent to the sharded counters", 50_000, v => v < 1 ? "must be at least 1" : null);

    /// <summary>Where the SQLite journal goes; empty = a temporary folder deleted afterwards.</summary>
    public static readonly TaskOption<string> Data = new(
        "--data", "Folder for the SQLite journal (empty: a temporary folder, deleted afterwards)", string.Empty);

    public override TaskInfo Info { get; } = new(
        19,
        "Cross-shard reads",
        "sharded counter with monotonic reads",
        "ShardedCounters",
        SharedStateTypes: ["StripedCounter (padded cells, plain Sum vs SnapshotSum)"],
        ActorTypes: ["CounterEntity (Cluster.Sharding, Persistence.Sql)", "MonotonicTotalReader", "AcknowledgedIncrements"],
        Specs: ["StripedCounterSpec", "CounterEntitySpec", "ShardedCounterSpec", "ShardedCounterReliabilitySpec", "ShardedCounterRebalanceSpec", "PostgresRestartSpec", "NodeCommandSpec", "CrossShardExperimentSpec"],
        Benchmark: "ShardedCounterBenchmarks");

    public override IReadOnlyList<Option> Options => [Seconds.Option, Increments.Option, Data.Option];

    public override async Task<IDemonstrationResult> RunAsync(DemoContext context)
    {
        var settings = new CrossShardSettings(context.Get(Seconds), context.Get(Increments), context.Get(Data));
        CancellationToken cancellation = context.CancellationToken;
        MonotonicReads monotonic = await context.StatusAsync("striped counter: monotonic reads…",
            _ => Task.Run(() => StripedCounterExperiment.MeasureMonotonic(settings, cancellation)));
        Print(context.Console, monotonic);

        StripeTransfers transfers = await context.StatusAsync("striped counter: transfers, plain vs snapshot…",
            _ => Task.Run(() => StripedCounterExperiment.MeasureTransfers(settings, cancellation)));
        Print(context.Console, transfers);

        ShardedLoad sharded = await context.StatusAsync("starting a single-node cluster on 127.0.0.1 (port 0), waiting for Up and the region…",
            status => ShardedLoadExperiment.RunAsync(settings, status, cancellation));
        Print(context.Console, sharded);
        return new CrossShardResult(monotonic, transfers, sharded);
    }

    private static void Print(IAnsiConsole console, MonotonicReads m)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("StripedCounter.Sum while others increment (monotonic reads)")
            .AddColumns("writer threads", "stripes", "reads by one thread", "reads lower than the previous", "final total");
        table.AddRow(m.Writers.ToString(), m.Stripes.ToString(), m.Reads.ToString("N0"),
            m.Decreases == 0 ? "[green]0[/]" : $"[red]{m.Decreases:N0}[/]", m.Final.ToString("N0"));
        console.Write(table);
    }

    private static void Print(IAnsiConsole console, StripeTransfers t)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .Title($"Transfers between {t.Stripes} stripes (total always {t.Expected:N0}; {t.Moves:N0} transfers ran)")
            .AddColumns("read", "reads", "totals that never existed", "largest error", "passes discarded (write overlapped)");
        table.AddRow("plain Sum", t.PlainReads.ToString("N0"), t.PlainDeviations == 0 ? "0 (not observed in this run)" : $"[yellow]{t.PlainDeviations:N0}[/]", t.LargestDeviation.ToString("N0"), "—");
        table.AddRow("SnapshotSum (per-stripe seqlock)", t.SnapshotReads.ToString("N0"), t.SnapshotDeviations == 0 ? "[green]0[/]" : $"[red]{t.SnapshotDeviations:N0}[/]", "0", t.DiscardedPasses.ToString("N0"));
        console.Write(table);
    }

    private static void Print(IAnsiConsole console, ShardedLoad run)
    {
        console.MarkupLine($"node [bold]{Markup.Escape(run.Node)}[/] Up, region ready in {run.StartSeconds:0.0} s; journal SQLite {Markup.Escape(run.Journal)}");
        var table = new Table().Border(TableBorder.Rounded).Title("Sharded counters (SQLite journal, acknowledged after persist)")
            .AddColumns("key", "acknowledged increments");
        foreach (string key in run.Keys)
        {
            table.AddRow(key, run.Report.AcknowledgedPerKey.GetValueOrDefault(key).ToString("N0"));
        }

        table.AddRow("[bold]total (scatter–gather)[/]", $"[bold]{run.FinalTotal:N0}[/] of {run.Report.Sent:N0} sent");
        console.Write(table);
        double seconds = Math.Max(run.LoadSeconds, 1e-3);
        console.MarkupLine($"{run.Reads} totals read during the load by one client, {(run.Decreases == 0 ? "[green]0[/]" : $"[red]{run.Decreases}[/]")} lower than the one before; " +
            $"{run.Report.Batches:N0} batches in {run.LoadSeconds:0.0} s = {run.Report.Acknowledged / seconds:N0} increments/s, " +
            $"{run.Report.Batches / seconds:N0} persisted batches/s [grey](indicative; see ShardedCounterBenchmarks)[/]");
        console.MarkupLine($"node left the cluster and shut down (CoordinatedShutdown) in {run.ShutdownSeconds:0.0} s");
        if (run.UndeletedFolder is { } folder)
        {
            console.MarkupLine($"[grey]could not delete {Markup.Escape(folder)}[/]");
        }
    }
}
