using System.CommandLine;
using ActorConcurrency.Actors.ShardedCounters;
using ActorConcurrency.Host.Node;

namespace ActorConcurrency.Host.Commands;

/// <summary>
/// <c>node</c>: a long-running member of the sharded-counter cluster (task 19). It listens on 127.0.0.1 unless
/// told otherwise, joins itself or the given seeds, keeps its counters' journal in SQLite (a data folder) or
/// PostgreSQL, optionally sends a load of acknowledged increments (exactly once by default), and prints status
/// until Ctrl+C or SIGTERM, when it leaves the cluster cleanly (<see cref="NodeRun"/>). <c>--read-total</c> reads
/// a journal back on a fresh node instead (<see cref="ReadTotal"/>).
/// </summary>
internal sealed class NodeCommand : IHostCommand
{
    /// <summary>Environment variable read when <c>--journal postgres</c> has no <c>--connection-string</c>.</summary>
    public const string PostgresEnvironmentVariable = "COUNTERS_POSTGRES";

    /// <summary>The largest <c>--load</c>: a billion increments (about a day of SQLite writes here).</summary>
    public const long MaxLoad = 1_000_000_000;

    public Command Create(HostConsole console)
    {
        var host = new Option<string>("--host") { Description = "Address to listen on", DefaultValueFactory = _ => "127.0.0.1" };
        Option<long> port = CheckedOptions.Whole("--port", "TCP port; 0 lets the system choose", 0, 0, 65535);
        var seeds = new Option<string[]>("--seed") { Description = "A seed node, host:port (repeatable); none = start a new cluster", AllowMultipleArgumentsPerToken = false };
        var data = new Option<string>("--data") { Description = "Folder of the SQLite journal", DefaultValueFactory = _ => "counters-data" };
        Option<string> journal = CheckedOptions.Choice("--journal", "sqlite or postgres", "sqlite", "postgres");
        var connectionString = new Option<string?>("--connection-string") { Description = $"PostgreSQL connection string (default: ${PostgresEnvironmentVariable})" };
        Option<double> joinTimeout = CheckedOptions.Seconds("--join-timeout", "Seconds to wait for the cluster to accept this node", 20, 0.1, 600);
        Option<string> downing = CheckedOptions.Choice("--downing", "Split-brain strategy, the same on every node: keep-oldest (any size) or keep-majority (3+ nodes)", "keep-oldest", "keep-majority");
        Option<long> load = CheckedOptions.Whole("--load", "Acknowledged increments this node sends at start", 0, 0, MaxLoad);
        Option<long> keys = CheckedOptions.Whole("--keys", "Counters the load and the status use: k0..k{N-1}", 10, 1, 1000);
        Option<long> batchSize = CheckedOptions.Whole("--batch-size", "Increments per message", 100, 1, 1_000_000);
        Option<long> window = CheckedOptions.Whole("--window", $"Most batches unacknowledged at once (at most {IncrementLoadOptions.MaxWindow})", 32, 1, IncrementLoadOptions.MaxWindow);
        Option<double> ackTimeout = CheckedOptions.Seconds("--ack-timeout", "Seconds a batch waits for its acknowledgement before a retry", 3, 0.1, 600);
        Option<double> retryBackoff = CheckedOptions.Seconds("--retry-backoff", "Seconds before a batch's first retry; doubles up to 1 s", 0.2, 0, 60);
        Option<string> delivery = CheckedOptions.Choice("--delivery", "exactly-once (retry with an idempotency id) or at-most-once (never retry)", "exactly-once", "at-most-once");
        Option<double> statusEvery = CheckedOptions.Seconds("--status-every", "Seconds between status lines", 5, 0.1, 3600);
        var report = new Option<string?>("--report") { Description = "A JSON file rewritten at every status line and at exit with the load's figures" };
        var faultInjection = new Option<bool>("--fault-injection")
        {
            Description = "Testing: run remoting through Akka's throttler adapter and take 'cut HOST:PORT both|send|receive' and 'heal HOST:PORT' on standard input (every node of the cluster must set it)",
        };
        var readTotal = new Option<bool>("--read-total") { Description = "Read every counter of the journal on a fresh single-node cluster, print them, and exit" };

        var command = new Command("node", "Run a node of the sharded-counter cluster (task 19) until Ctrl+C or SIGTERM, then leave the cluster cleanly; with --read-total, read the journal's counters back and exit")
        {
            host, port, seeds, data, journal, connectionString, joinTimeout, downing, load, keys, batchSize, window,
            ackTimeout, retryBackoff, delivery, statusEvery, report, readTotal, faultInjection,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            bool postgres = parseResult.GetValue(journal) == "postgres";
            string? connection = parseResult.GetValue(connectionString) ?? Environment.GetEnvironmentVariable(PostgresEnvironmentVariable);
            if (postgres && string.IsNullOrWhiteSpace(connection))
            {
                return console.BadInput($"--journal postgres needs --connection-string or ${PostgresEnvironmentVariable}");
            }

            bool reading = parseResult.GetValue(readTotal);
            DowningStrategy strategy = parseResult.GetValue(downing) == "keep-majority" ? DowningStrategy.KeepMajority : DowningStrategy.KeepOldest;
            var options = new ShardedCounterNodeOptions
            {
                Hostname = parseResult.GetValue(host)!,
                Port = (int)parseResult.GetValue(port),
                Seeds = reading ? [] : parseResult.GetValue(seeds) ?? [],
                Journal = postgres ? JournalKind.Postgres : JournalKind.Sqlite,
                DataFolder = parseResult.GetValue(data),
                ConnectionString = connection,
                JoinTimeout = TimeSpan.FromSeconds(parseResult.GetValue(joinTimeout)),
                Downing = strategy,
                FaultInjection = parseResult.GetValue(faultInjection),
            };
            string[] keyNames = Enumerable.Range(0, (int)parseResult.GetValue(keys)).Select(i => $"k{i}").ToArray();

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
                return ExitCodes.Interrupted;
            }

            await using (node)
            {
                if (reading)
                {
                    return await ReadTotal.RunAsync(console, node, keyNames, parseResult.GetValue(report), cancellationToken);
                }

                var settings = new NodeRunSettings(
                    keyNames,
                    parseResult.GetValue(load),
                    new IncrementLoadOptions
                    {
                        BatchSize = (int)parseResult.GetValue(batchSize),
                        Window = (int)parseResult.GetValue(window),
                        AckTimeout = TimeSpan.FromSeconds(parseResult.GetValue(ackTimeout)),
                        RetryBackoff = TimeSpan.FromSeconds(parseResult.GetValue(retryBackoff)),
                        MaxRetryBackoff = TimeSpan.FromSeconds(Math.Max(1, parseResult.GetValue(retryBackoff))),
                        Delivery = parseResult.GetValue(delivery) == "at-most-once" ? IncrementDelivery.AtMostOnce : IncrementDelivery.ExactlyOnce,
                    },
                    TimeSpan.FromSeconds(parseResult.GetValue(statusEvery)),
                    parseResult.GetValue(report),
                    strategy,
                    options.FaultInjection);
                return await NodeRun.RunAsync(console, node, settings, cancellationToken);
            }
        });
        return command;
    }
}
