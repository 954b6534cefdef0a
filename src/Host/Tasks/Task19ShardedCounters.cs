using System.CommandLine;
using System.Diagnostics;
using ActorConcurrency.Actors.ShardedCounters;
using ActorConcurrency.Demonstrations;
using ActorConcurrency.Host.Catalog;
using ActorConcurrency.SharedState.ShardedCounters;
using Spectre.Console;

namespace ActorConcurrency.Host.Tasks;

/// <summary>
/// Task 19: cross-shard reads. Shared memory: a striped counter read while others increment (monotonic
/// reads) and while value moves between stripes (plain sum vs snapshot). Actors: counter entities on a
/// single-node Akka.Cluster.Sharding cluster with a SQLite journal, totals gathered across shards.
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

    /// <summary>
    /// On Ctrl+C the node stops at once instead of leaving gracefully: a graceful leave (CoordinatedShutdown, also
    /// started by the cluster daemon when the system terminates, or by the process-exit hook) waits up to 10 s for
    /// messages the region buffered for shards without a home. Nothing acknowledged is lost: an increment is
    /// acknowledged only once journaled. The normal end of the demonstration still leaves gracefully.
    /// </summary>
    private static readonly Akka.Configuration.Config InterruptibleOverrides = Akka.Configuration.ConfigurationFactory.ParseString(
        "akka.cluster.run-coordinated-shutdown-when-down = off\nakka.coordinated-shutdown.run-by-clr-shutdown-hook = off")
        .WithFallback(ShardedCounterNode.CrashableOverrides);

    private const int Keys = 10;
    private const int BatchSize = 100;
    private const int Window = 32;

    public override TaskInfo Info { get; } = new(
        19,
        "Cross-shard reads",
        "sharded counter with monotonic reads",
        "ShardedCounters",
        SharedStateTypes: ["StripedCounter (padded cells, plain Sum vs SnapshotSum)"],
        ActorTypes: ["CounterEntity (Cluster.Sharding, Persistence.Sql)", "MonotonicTotalReader", "AcknowledgedIncrements"],
        Specs: ["StripedCounterSpec", "CounterEntitySpec", "ShardedCounterSpec", "ShardedCounterReliabilitySpec", "ShardedCounterRebalanceSpec", "PostgresRestartSpec", "NodeCommandSpec"],
        Benchmark: "ShardedCounterBenchmarks");

    public override IReadOnlyList<Option> Options => [Seconds.Option, Increments.Option, Data.Option];

    public override async Task<IDemonstrationResult> RunAsync(DemoContext context)
    {
        TimeSpan duration = TimeSpan.FromSeconds(context.Get(Seconds));
        var monotonic = await context.Console.Status().StartAsync("striped counter: monotonic reads…", _ => Task.Run(() => MeasureMonotonic(duration, context.CancellationToken)));
        PrintMonotonic(context, monotonic);

        var transfers = await context.Console.Status().StartAsync("striped counter: transfers, plain vs snapshot…", _ => Task.Run(() => MeasureTransfers(duration, context.CancellationToken)));
        PrintTransfers(context, transfers);

        ShardedRun sharded = await RunShardedAsync(context);

        bool held = monotonic.Decreases == 0 && transfers.SnapshotDeviations == 0
            && sharded.Decreases == 0 && sharded.Report.Acknowledged == sharded.Report.Sent && sharded.FinalTotal == sharded.Report.Sent;
        return new DemoOutcome(held,
            $"striped: {monotonic.Decreases} decreasing of {monotonic.Reads:N0} reads; transfers: plain sum off {transfers.PlainDeviations:N0}/{transfers.PlainReads:N0}, " +
            $"snapshot off {transfers.SnapshotDeviations}/{transfers.SnapshotReads:N0}; sharded total {sharded.FinalTotal:N0}/{sharded.Report.Sent:N0}, {sharded.Decreases} decreasing of {sharded.Reads} reads");
    }

    private sealed record Monotonic(int Writers, long Reads, long Decreases, long Final);

    private static Monotonic MeasureMonotonic(TimeSpan duration, CancellationToken cancellationToken)
    {
        StripedCounter counter = StripedCounter.PerCore();
        int writers = Math.Max(2, Environment.ProcessorCount);
        using var stop = new CancellationTokenSource();
        using var running = new CountdownEvent(writers);
        Thread[] threads = Enumerable.Range(0, writers).Select(_ => new Thread(() =>
        {
            running.Signal();
            while (!stop.IsCancellationRequested)
            {
                counter.Add(1);
            }
        }) { IsBackground = true }).ToArray();
        Array.ForEach(threads, t => t.Start());
        running.Wait(cancellationToken);

        long reads = 0, decreases = 0, previous = counter.Sum();
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < duration && !cancellationToken.IsCancellationRequested)
        {
            long current = counter.Sum();
            decreases += current < previous ? 1 : 0;
            previous = current;
            reads++;
        }

        stop.Cancel();
        Array.ForEach(threads, t => t.Join());
        return new Monotonic(writers, reads, decreases, counter.Sum());
    }

    private static void PrintMonotonic(DemoContext context, Monotonic m)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("StripedCounter.Sum while others increment (monotonic reads)")
            .AddColumns("writer threads", "stripes", "reads by one thread", "reads lower than the previous", "final total");
        table.AddRow(m.Writers.ToString(), StripedCounter.PerCore().StripeCount.ToString(), m.Reads.ToString("N0"),
            m.Decreases == 0 ? "[green]0[/]" : $"[red]{m.Decreases:N0}[/]", m.Final.ToString("N0"));
        context.Console.Write(table);
    }

    private sealed record Transfers(int Stripes, long Expected, long Moves, long PlainReads, long PlainDeviations, long LargestDeviation,
        long SnapshotReads, long SnapshotDeviations, long DiscardedPasses);

    private static Transfers MeasureTransfers(TimeSpan duration, CancellationToken cancellationToken)
    {
        const int Stripes = 16;
        const long PerCell = 1_000_000;
        var counter = new StripedCounter(Stripes);
        for (int i = 0; i < Stripes; i++)
        {
            counter.AddToStripe(i, PerCell);
        }

        long expected = PerCell * Stripes, moves = 0;
        using var stop = new CancellationTokenSource();
        int movers = Math.Max(1, Environment.ProcessorCount - 1);
        using var running = new CountdownEvent(movers);
        Thread[] threads = Enumerable.Range(0, movers).Select(seed => new Thread(() =>
        {
            var random = new Random(seed);
            running.Signal();
            long local = 0;
            while (!stop.IsCancellationRequested)
            {
                counter.Transfer(random.Next(Stripes), random.Next(Stripes), random.Next(1, 1_000));
                local++;
            }

            Interlocked.Add(ref moves, local);
        }) { IsBackground = true }).ToArray();
        Array.ForEach(threads, t => t.Start());
        running.Wait(cancellationToken);

        long plainReads = 0, plainDeviations = 0, largest = 0, snapshotReads = 0, snapshotDeviations = 0, discarded = 0;
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < duration && !cancellationToken.IsCancellationRequested)
        {
            long plain = counter.Sum();
            plainReads++;
            if (plain != expected)
            {
                plainDeviations++;
                largest = Math.Max(largest, Math.Abs(plain - expected));
            }

            long snapshot = counter.SnapshotSum(StripedCounter.DefaultOptimisticAttempts, afterCellRead: null, out int passes);
            snapshotReads++;
            discarded += passes;
            snapshotDeviations += snapshot != expected ? 1 : 0;
        }

        stop.Cancel();
        Array.ForEach(threads, t => t.Join());
        return new Transfers(Stripes, expected, Interlocked.Read(ref moves), plainReads, plainDeviations, largest, snapshotReads, snapshotDeviations, discarded);
    }

    private static void PrintTransfers(DemoContext context, Transfers t)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .Title($"Transfers between {t.Stripes} stripes (total always {t.Expected:N0}; {t.Moves:N0} transfers ran)")
            .AddColumns("read", "reads", "totals that never existed", "largest error", "passes discarded (write overlapped)");
        table.AddRow("plain Sum", t.PlainReads.ToString("N0"), t.PlainDeviations == 0 ? "0 (not observed in this run)" : $"[yellow]{t.PlainDeviations:N0}[/]", t.LargestDeviation.ToString("N0"), "—");
        table.AddRow("SnapshotSum (per-stripe seqlock)", t.SnapshotReads.ToString("N0"), t.SnapshotDeviations == 0 ? "[green]0[/]" : $"[red]{t.SnapshotDeviations:N0}[/]", "0", t.DiscardedPasses.ToString("N0"));
        context.Console.Write(table);
    }

    private sealed record ShardedRun(IncrementReport Report, long FinalTotal, long Reads, long Decreases, TimeSpan Elapsed);

    private static async Task<ShardedRun> RunShardedAsync(DemoContext context)
    {
        string chosen = context.Get(Data);
        string folder = chosen.Length > 0 ? chosen : Path.Combine(Path.GetTempPath(), "actorconcurrency-task19-" + Guid.NewGuid().ToString("N")[..8]);
        int increments = context.Get(Increments);
        string[] keys = Enumerable.Range(0, Keys).Select(i => $"k{i}").ToArray();
        try
        {
            var startWatch = Stopwatch.StartNew();
            ShardedCounterNode node = await context.Console.Status().StartAsync("starting a single-node cluster on 127.0.0.1 (port 0), waiting for Up and the region…",
                _ => ShardedCounterNode.StartAsync(
                    new ShardedCounterNodeOptions { DataFolder = folder, Overrides = InterruptibleOverrides }, context.CancellationToken));
            context.Console.MarkupLine($"node [bold]{Markup.Escape(node.Address.ToString())}[/] Up, region ready in {startWatch.Elapsed.TotalSeconds:0.0} s; journal SQLite {Markup.Escape(node.JournalDescription)}");

            ShardedRun run;
            await using (node)
            {
                // Ctrl+C during the load: stop the node at once (see the options above), and wait for it before
                // DisposeAsync, which would otherwise begin a graceful leave on a node still terminating. Once the
                // load is done the graceful leave below (about a second) is left to finish.
                CancellationTokenRegistration stopOnInterrupt = context.CancellationToken.Register(() => _ = node.CrashAsync());
                try
                {
                    string runId = Guid.NewGuid().ToString("N")[..6]; // a chosen folder may hold earlier runs: fresh keys
                    keys = keys.Select(k => $"{runId}-{k}").ToArray();
                    var reader = new MonotonicTotalReader(node.Region, keys, TimeSpan.FromSeconds(30));
                    run = await context.Console.Status().StartAsync($"sending {increments:N0} increments (batches of {BatchSize}, window {Window}) while reading totals…", async _ =>
                    {
                        var watch = Stopwatch.StartNew();
                        Task<IncrementReport> writer = AcknowledgedIncrements.SendAsync(node.Region, keys, increments, BatchSize, Window, TimeSpan.FromSeconds(60), cancellationToken: context.CancellationToken);
                        long reads = 0, decreases = 0, previous = 0;
                        while (!writer.IsCompleted)
                        {
                            TotalRead read = await reader.ReadAsync(context.CancellationToken);
                            decreases += read.Total < previous ? 1 : 0;
                            previous = read.Total;
                            reads++;
                        }

                        IncrementReport report = await writer;
                        TimeSpan elapsed = watch.Elapsed;
                        TotalRead final = await reader.ReadAsync(context.CancellationToken);
                        return new ShardedRun(report, final.Total, reads, decreases, elapsed);
                    });

                    var table = new Table().Border(TableBorder.Rounded).Title("Sharded counters (SQLite journal, acknowledged after persist)")
                        .AddColumns("key", "acknowledged increments");
                    foreach (string key in keys)
                    {
                        table.AddRow(key, run.Report.AcknowledgedPerKey.GetValueOrDefault(key).ToString("N0"));
                    }

                    table.AddRow("[bold]total (scatter–gather)[/]", $"[bold]{run.FinalTotal:N0}[/] of {run.Report.Sent:N0} sent");
                    context.Console.Write(table);
                    context.Console.MarkupLine($"{run.Reads} totals read during the load by one client, {(run.Decreases == 0 ? "[green]0[/]" : $"[red]{run.Decreases}[/]")} lower than the one before; " +
                        $"{run.Report.Batches:N0} batches in {run.Elapsed.TotalSeconds:0.0} s = {run.Report.Acknowledged / Math.Max(run.Elapsed.TotalSeconds, 1e-3):N0} increments/s, " +
                        $"{run.Report.Batches / Math.Max(run.Elapsed.TotalSeconds, 1e-3):N0} persisted batches/s [grey](indicative; see ShardedCounterBenchmarks)[/]");
                }
                catch (Exception) when (context.CancellationToken.IsCancellationRequested)
                {
                    await node.CrashAsync();
                    throw;
                }
                finally
                {
                    await stopOnInterrupt.DisposeAsync();
                }

                var stopWatch = Stopwatch.StartNew();
                await node.ShutdownAsync();
                await node.System.WhenTerminated;
                context.Console.MarkupLine($"node left the cluster and shut down (CoordinatedShutdown) in {stopWatch.Elapsed.TotalSeconds:0.0} s");
            }

            return run;
        }
        finally
        {
            if (chosen.Length == 0)
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                try
                {
                    Directory.Delete(folder, recursive: true);
                }
                catch (IOException)
                {
                    context.Console.MarkupLine($"[grey]could not delete {Markup.Escape(folder)}[/]");
                }
            }
        }
    }
}
