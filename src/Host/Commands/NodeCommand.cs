using System.CommandLine;
using ActorConcurrency.Actors.ShardedCounters;
using Akka.Actor;
using Akka.Cluster;
using Akka.Cluster.Sharding;
using Spectre.Console;

namespace ActorConcurrency.Host.Commands;

/// <summary>
/// <c>node</c>: a long-running member of the sharded-counter cluster (task 19). It listens on 127.0.0.1
/// unless told otherwise, joins itself or the given seeds, keeps its counters' journal in SQLite (a data
/// folder) or PostgreSQL, optionally sends a load of acknowledged increments, and prints a status line
/// (members, shards and entities hosted here, the total) until Ctrl+C, when it leaves the cluster cleanly.
/// </summary>
internal sealed class NodeCommand : IHostCommand
{
    /// <summary>Environment variable read when <c>--journal postgres</c> has no <c>--connection-string</c>.</summary>
    public const string PostgresEnvironmentVariable = "COUNTERS_POSTGRES";

    public Command Create(HostConsole console)
    {
        var host = new Option<string>("--host") { Description = "Address to listen on (default 127.0.0.1)", DefaultValueFactory = _ => "127.0.0.1" };
        var port = new Option<int>("--port") { Description = "TCP port; 0 lets the system choose (default 0)", DefaultValueFactory = _ => 0 };
        port.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 0 or > 65535)
            {
                r.AddError("--port: must be from 0 to 65535");
            }
        });
        var seeds = new Option<string[]>("--seed") { Description = "A seed node, host:port (repeatable); none = start a new cluster", AllowMultipleArgumentsPerToken = false };
        var data = new Option<string>("--data") { Description = "Folder of the SQLite journal (default ./counters-data)", DefaultValueFactory = _ => "counters-data" };
        var journal = new Option<string>("--journal") { Description = "sqlite or postgres (default sqlite)", DefaultValueFactory = _ => "sqlite" };
        journal.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string>() is not ("sqlite" or "postgres"))
            {
                r.AddError($"--journal: must be sqlite or postgres, got '{r.GetValueOrDefault<string>()}'");
            }
        });
        var connectionString = new Option<string?>("--connection-string") { Description = $"PostgreSQL connection string (default: ${PostgresEnvironmentVariable})" };
        var joinTimeout = new Option<double>("--join-timeout") { Description = "Seconds to wait for the cluster to accept this node (default 20)", DefaultValueFactory = _ => 20 };
        joinTimeout.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<double>() is <= 0 or > 600)
            {
                r.AddError("--join-timeout: must be between 0 and 600 seconds");
            }
        });
        var load = new Option<int>("--load") { Description = "Acknowledged increments this node sends at start, over keys k0..k9 (default 0)", DefaultValueFactory = _ => 0 };
        load.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 0)
            {
                r.AddError("--load: must be 0 or more");
            }
        });
        var statusEvery = new Option<double>("--status-every") { Description = "Seconds between status lines (default 5)", DefaultValueFactory = _ => 5 };
        statusEvery.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<double>() is < 0.1 or > 3600)
            {
                r.AddError("--status-every: must be between 0.1 and 3600 seconds");
            }
        });

        var command = new Command("node", "Run a node of the sharded-counter cluster (task 19) until Ctrl+C")
        {
            host, port, seeds, data, journal, connectionString, joinTimeout, load, statusEvery,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            bool postgres = parseResult.GetValue(journal) == "postgres";
            string? connection = parseResult.GetValue(connectionString) ?? Environment.GetEnvironmentVariable(PostgresEnvironmentVariable);
            if (postgres && string.IsNullOrWhiteSpace(connection))
            {
                return console.BadInput($"--journal postgres needs --connection-string or ${PostgresEnvironmentVariable}");
            }

            var options = new ShardedCounterNodeOptions
            {
                Hostname = parseResult.GetValue(host)!,
                Port = parseResult.GetValue(port),
                Seeds = parseResult.GetValue(seeds) ?? [],
                Journal = postgres ? JournalKind.Postgres : JournalKind.Sqlite,
                DataFolder = parseResult.GetValue(data),
                ConnectionString = connection,
                JoinTimeout = TimeSpan.FromSeconds(parseResult.GetValue(joinTimeout)),
            };

            ShardedCounterNode node;
            try
            {
                node = await ShardedCounterNode.StartAsync(options, cancellationToken);
            }
            catch (NodeStartException ex)
            {
                console.Error.WriteLine($"error: {ex.Message}");
                return ex.Failure == NodeStartFailure.BadSeed ? ExitCodes.BadInput : ExitCodes.NodeStartFailed;
            }
            catch (OperationCanceledException)
            {
                return ExitCodes.NodeStartFailed;
            }

            await using (node)
            {
                return await RunAsync(console, node, parseResult.GetValue(load), TimeSpan.FromSeconds(parseResult.GetValue(statusEvery)), cancellationToken);
            }
        });
        return command;
    }

    private static async Task<int> RunAsync(HostConsole console, ShardedCounterNode node, int load, TimeSpan statusEvery, CancellationToken cancellationToken)
    {
        IAnsiConsole output = console.Output;
        string[] keys = Enumerable.Range(0, 10).Select(i => $"k{i}").ToArray();
        output.MarkupLine($"node [bold]{Markup.Escape(node.Address.ToString())}[/] is Up and its counter region is ready; journal {Markup.Escape(node.JournalDescription)}");
        output.MarkupLine($"[grey]join it with: node --port <another port> --seed {node.Address.Host}:{node.Address.Port}; Ctrl+C leaves the cluster[/]");

        var reader = new MonotonicTotalReader(node.Region, keys, TimeSpan.FromSeconds(10));

        // The node stops on Ctrl+C (the token) or when its actor system terminates by itself (downed by the
        // others, or a shutdown hook ran CoordinatedShutdown on SIGINT/SIGTERM): either ends the loop.
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _ = node.System.WhenTerminated.ContinueWith(_ => stopping.Cancel(), TaskScheduler.Default);
        CancellationToken stop = stopping.Token;
        try
        {
            if (load > 0)
            {
                IncrementReport report = await AcknowledgedIncrements.SendAsync(node.Region, keys, load, batchSize: 100, window: 32, TimeSpan.FromSeconds(60), cancellationToken: stop);
                output.MarkupLine($"sent {report.Sent:N0} increments over {keys.Length} keys: {report.Acknowledged:N0} acknowledged (persisted), {report.Unacknowledged:N0} not");
            }

            using var timer = new PeriodicTimer(statusEvery);
            do
            {
                try
                {
                    await PrintStatusAsync(output, node, reader, stop);
                }
                catch (AskTimeoutException)
                {
                    // Shards moving or a member being downed: say so and try again at the next tick.
                    output.MarkupLine($"{DateTime.Now:HH:mm:ss} [yellow]no answer within the status timeout (shards moving or a member unreachable)[/]");
                }
            }
            while (await timer.WaitForNextTickAsync(stop));
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Ctrl+C or the system terminated: fall through to the clean leave.
        }

        if (!node.System.WhenTerminated.IsCompleted)
        {
            output.MarkupLine("leaving the cluster (CoordinatedShutdown: shards hand off to the other nodes)…");
            await node.ShutdownAsync();
        }

        await node.System.WhenTerminated;
        output.MarkupLine("node stopped");
        return ExitCodes.Ok;
    }

    private static async Task PrintStatusAsync(IAnsiConsole output, ShardedCounterNode node, MonotonicTotalReader reader, CancellationToken cancellationToken)
    {
        var cluster = Cluster.Get(node.System);
        int up = cluster.State.Members.Count(m => m.Status == MemberStatus.Up);
        int unreachable = cluster.State.Unreachable.Count;
        var state = await node.Region.Ask<CurrentShardRegionState>(GetShardRegionState.Instance, TimeSpan.FromSeconds(5), cancellationToken);
        int entities = state.Shards.Sum(s => s.EntityIds.Count(id => id != ShardedCounterNode.ReadinessKey));
        TotalRead total = await reader.ReadAsync(cancellationToken);
        output.MarkupLine($"{DateTime.Now:HH:mm:ss} members Up {up}, unreachable {unreachable} | shards here {state.Shards.Count}, counters here {entities} | total k0..k9 = [bold]{total.Total:N0}[/]");
    }
}
