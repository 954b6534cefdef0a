using System.Diagnostics;
using ActorConcurrency.Actors.ShardedCounters;

namespace ActorConcurrency.Demonstrations.ShardedCounters;

/// <summary>
/// Task 19's actor section: counter entities on a single-node Akka.Cluster.Sharding cluster with a SQLite journal. It
/// sends increments in acknowledged batches while one client reads totals gathered across shards, then leaves the
/// cluster cleanly. On cancellation (Ctrl+C) the node stops at once instead; nothing acknowledged is lost either way.
/// </summary>
public static class ShardedLoadExperiment
{
    /// <summary>
    /// On Ctrl+C the node stops at once instead of leaving gracefully: a graceful leave (CoordinatedShutdown, also
    /// started by the cluster daemon when the system terminates, or by the process-exit hook) waits up to 10 s for
    /// messages the region buffered for shards without a home. Nothing acknowledged is lost: an increment is
    /// acknowledged only once journaled. The normal end of the run still leaves gracefully.
    /// </summary>
    private static readonly Akka.Configuration.Config InterruptibleOverrides = Akka.Configuration.ConfigurationFactory.ParseString(
        "akka.cluster.run-coordinated-shutdown-when-down = off\nakka.coordinated-shutdown.run-by-clr-shutdown-hook = off")
        .WithFallback(ShardedCounterNode.CrashableOverrides);

    private const int Keys = 10;
    private const int BatchSize = 100;
    private const int Window = 32;

    /// <summary>Starts the node, runs the load while reading totals, and leaves the cluster.</summary>
    /// <param name="settings">The increments to send and where the journal goes (<see cref="CrossShardSettings.DataFolder"/>).</param>
    /// <param name="status">Told when the node is up and what it is doing; may be null.</param>
    /// <param name="cancellationToken">Stops the node at once (see above).</param>
    public static async Task<ShardedLoad> RunAsync(CrossShardSettings settings, IProgress<string>? status, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        string chosen = settings.DataFolder;
        string folder = chosen.Length > 0 ? chosen : Path.Combine(Path.GetTempPath(), "actorconcurrency-task19-" + Guid.NewGuid().ToString("N")[..8]);
        ShardedLoad load;
        try
        {
            load = await LoadAsync(folder, settings.ShardedIncrements, status, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (chosen.Length == 0)
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            }
        }

        return chosen.Length == 0 && !TryDelete(folder) ? load with { UndeletedFolder = folder } : load;
    }

    private static async Task<ShardedLoad> LoadAsync(string folder, int increments, IProgress<string>? status, CancellationToken cancellationToken)
    {
        var startWatch = Stopwatch.StartNew();
        ShardedCounterNode node = await ShardedCounterNode.StartAsync(
            new ShardedCounterNodeOptions { DataFolder = folder, Overrides = InterruptibleOverrides }, cancellationToken).ConfigureAwait(false);
        double startSeconds = startWatch.Elapsed.TotalSeconds;
        status?.Report($"node {node.Address} Up, region ready in {startSeconds:0.0} s; sending {increments:N0} increments (batches of {BatchSize}, window {Window}) while reading totals…");

        ShardedLoad load;
        await using (node.ConfigureAwait(false))
        {
            // Ctrl+C during the load: stop the node at once (see the overrides above), and wait for it before
            // DisposeAsync, which would otherwise begin a graceful leave on a node still terminating. Once the
            // load is done the graceful leave below (about a second) is left to finish.
            CancellationTokenRegistration stopOnInterrupt = cancellationToken.Register(() => _ = node.CrashAsync());
            try
            {
                string runId = Guid.NewGuid().ToString("N")[..6]; // a chosen folder may hold earlier runs: fresh keys
                string[] keys = [.. Enumerable.Range(0, Keys).Select(i => $"{runId}-k{i}")];
                var reader = new MonotonicTotalReader(node.Region, keys, TimeSpan.FromSeconds(30));
                var watch = Stopwatch.StartNew();
                Task<IncrementReport> writer = AcknowledgedIncrements.SendAsync(
                    node.Region, keys, increments, BatchSize, Window, TimeSpan.FromSeconds(60), cancellationToken: cancellationToken);
                long reads = 0, decreases = 0, previous = 0;
                while (!writer.IsCompleted)
                {
                    TotalRead read = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                    decreases += read.Total < previous ? 1 : 0;
                    previous = read.Total;
                    reads++;
                }

                IncrementReport report = await writer.ConfigureAwait(false);
                double loadSeconds = watch.Elapsed.TotalSeconds;
                TotalRead final = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                load = new ShardedLoad(node.Address.ToString(), startSeconds, node.JournalDescription, keys, BatchSize, Window, report,
                    final.Total, reads, decreases, loadSeconds, ShutdownSeconds: 0, UndeletedFolder: null);
            }
            catch (Exception) when (cancellationToken.IsCancellationRequested)
            {
                await node.CrashAsync().ConfigureAwait(false);
                throw;
            }
            finally
            {
                await stopOnInterrupt.DisposeAsync().ConfigureAwait(false);
            }

            status?.Report("leaving the cluster (CoordinatedShutdown)…");
            var stopWatch = Stopwatch.StartNew();
            await node.ShutdownAsync().ConfigureAwait(false);
            await node.System.WhenTerminated.ConfigureAwait(false);
            load = load with { ShutdownSeconds = stopWatch.Elapsed.TotalSeconds };
        }

        return load;
    }

    private static bool TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
    }
}
