using System.Globalization;
using System.Net;
using System.Net.Sockets;
using ActorConcurrency.Actors.Hosting;
using Akka.Actor;
using Akka.Cluster;
using Akka.Cluster.Sharding;
using Akka.Configuration;
using Akka.Persistence.Sql;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace ActorConcurrency.Actors.ShardedCounters;

/// <summary>
/// One node of the sharded-counter cluster: an actor system on 127.0.0.1, a member of the cluster (itself
/// alone, or the seeds'), and a ready <c>counter</c> shard region. <see cref="StartAsync"/> returns only when
/// load can be sent without loss: the member is Up and the region answered a first message end to end
/// (coordinator registered, shard allocated, entity recovered from the journal). Every way it can fail
/// becomes a <see cref="NodeStartException"/> with a one-line message, after a bounded wait.
/// </summary>
public sealed class ShardedCounterNode : IAsyncDisposable
{
    /// <summary>The sharding type name of the counter entities.</summary>
    public const string TypeName = "counter";

    /// <summary>The key the readiness probe reads (never written).</summary>
    public const string ReadinessKey = "_ready";

    private ShardedCounterNode(ActorSystem system, IActorRef region, string journalDescription, string? sqliteFile)
    {
        System = system;
        Region = region;
        JournalDescription = journalDescription;
        SqliteFile = sqliteFile;
    }

    /// <summary>The node's actor system.</summary>
    public ActorSystem System { get; }

    /// <summary>The shard region of the counters: send <see cref="ShardedCounterProtocol"/> messages here.</summary>
    public IActorRef Region { get; }

    /// <summary>The node's address, with the port the system bound.</summary>
    public Address Address => Cluster.Get(System).SelfAddress;

    /// <summary>Where the journal is (a file, or a server without its password).</summary>
    public string JournalDescription { get; }

    /// <summary>The SQLite journal's file, or null on another journal.</summary>
    public string? SqliteFile { get; }

    /// <summary>Starts a node and waits until it is Up and its region is ready.</summary>
    /// <exception cref="NodeStartException">The node could not start; the message says why in one line.</exception>
    public static async Task<ShardedCounterNode> StartAsync(ShardedCounterNodeOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        Address[] seeds = ParseSeeds(options);
        ThrowIfPortTaken(options);
        string? sqliteFile = options is { Journal: JournalKind.Sqlite, DataFolder: { Length: > 0 } folder }
            ? Path.Combine(Path.GetFullPath(folder), ShardedCounterNodeOptions.SqliteFileName)
            : null;
        bool journalExisted = sqliteFile is null || File.Exists(sqliteFile);
        try
        {
            return await StartOnJournalAsync(options, seeds, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (sqliteFile is not null)
        {
            RemoveIfCreatedHere(sqliteFile, journalExisted);
            throw;
        }
    }

    private static async Task<ShardedCounterNode> StartOnJournalAsync(ShardedCounterNodeOptions options, Address[] seeds, CancellationToken cancellationToken)
    {
        JournalPlan journal = await OpenJournalAsync(options, cancellationToken).ConfigureAwait(false);
        Config config = BuildConfig(options, journal);

        ActorSystem system;
        try
        {
            system = ActorSystem.Create(options.SystemName, config);
        }
        catch (Exception ex) when (IsPortInUse(ex))
        {
            throw new NodeStartException(NodeStartFailure.PortInUse, $"port {options.Port} on {options.Hostname} is already in use", ex);
        }
        catch (Exception ex)
        {
            throw new NodeStartException(NodeStartFailure.TransportFailed, $"the node could not listen on {options.Hostname}:{options.Port}: {Innermost(ex).Message}", ex);
        }

        try
        {
            // Loads the persistence extension now, which starts the journal and snapshot store named in
            // auto-start-journals / auto-start-snapshot-stores: they open their connections (and, on a new database,
            // create the tables) as the node starts, never in the middle of a fail-over.
            _ = Akka.Persistence.Persistence.Instance.Apply(system);
            Task joined = JoinAsync(system, seeds, options.JoinTimeout, cancellationToken);
            if (options.AwaitReadiness)
            {
                await joined.ConfigureAwait(false);
            }
            else
            {
                // The caller chose not to wait; the join still completes in the background (its timeout is observed).
                _ = joined.ContinueWith(t => t.Exception, TaskScheduler.Default);
            }

            // The hand-off stop message is a command of the entity's own, not the default PoisonPill: a
            // PoisonPill would stop an entity with a Persist in flight and drop the Adds stashed behind it,
            // unacknowledged and uncounted, each time a shard moves to a joining node.
            var sharding = ClusterSharding.Get(system);
            var settings = ClusterShardingSettings.Create(system);
            IActorRef region = await sharding.StartAsync(
                TypeName,
                CounterEntity.Props,
                settings,
                new CounterMessageExtractor(),
                sharding.DefaultShardAllocationStrategy(settings),
                ShardedCounterProtocol.HandOffStop.Instance).ConfigureAwait(false);
            if (options.AwaitReadiness)
            {
                await WaitUntilReadyAsync(region, options.ReadyTimeout, cancellationToken).ConfigureAwait(false);
            }

            return new ShardedCounterNode(system, region, journal.Description, journal.SqliteFile);
        }
        catch
        {
            await system.Terminate().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Testing only (<see cref="ShardedCounterNodeOptions.FaultInjection"/>): drops every message between this node and
    /// the node at <paramref name="hostPort"/> in <paramref name="direction"/>, as a network partition would, while both
    /// keep running; <see cref="PartitionDirection.None"/> heals the link. The rule lives in this node's transport and
    /// ends with it. False when the transport refused it.
    /// </summary>
    public Task<bool> CutOffAsync(string hostPort, PartitionDirection direction)
    {
        ArgumentException.ThrowIfNullOrEmpty(hostPort);
        string[] parts = hostPort.Split(':');
        if (parts.Length != 2 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int port))
        {
            throw new ArgumentException($"'{hostPort}' is not host:port", nameof(hostPort));
        }

        var peer = new Address(Address.Protocol, System.Name, parts[0], port);
        Akka.Remote.Transport.ThrottleMode mode = direction == PartitionDirection.None
            ? Akka.Remote.Transport.Unthrottled.Instance
            : Akka.Remote.Transport.Blackhole.Instance;
        Akka.Remote.Transport.ThrottleTransportAdapter.Direction way = direction switch
        {
            PartitionDirection.Send => Akka.Remote.Transport.ThrottleTransportAdapter.Direction.Send,
            PartitionDirection.Receive => Akka.Remote.Transport.ThrottleTransportAdapter.Direction.Receive,
            _ => Akka.Remote.Transport.ThrottleTransportAdapter.Direction.Both,
        };
        var remote = (Akka.Remote.IRemoteActorRefProvider)((ExtendedActorSystem)System).Provider;
        return remote.Transport.ManagementCommand(new Akka.Remote.Transport.SetThrottle(peer, way, mode));
    }

    /// <summary>Leaves the cluster gracefully (shards hand off) and terminates the system: CoordinatedShutdown.</summary>
    public Task ShutdownAsync() => CoordinatedShutdown.Get(System).Run(CoordinatedShutdown.ClrExitReason.Instance);

    /// <summary>
    /// Stops the node as a crash would, seen from the other nodes: no leave, no hand-off; they notice it
    /// unreachable and the split-brain resolver downs it. (The node must have been started with
    /// <c>akka.coordinated-shutdown.run-by-actor-system-terminate = off</c>, see <see cref="CrashableOverrides"/>.)
    /// </summary>
    public Task CrashAsync() => System.Terminate();

    /// <summary>
    /// Settings the durability promise depends on, so no HOCON file or override can change them.
    /// <para>
    /// The replay filter is off for the SQL journal. Akka.Persistence.Sql stamps every row with its journal's
    /// writer id, one per node (per actor system), not one per entity incarnation. When a counter is written
    /// on node A, then B, then A again (its shard moved away and came back), its events carry A's id, B's id,
    /// then A's id again, and Akka's default filter (repair-by-discard-old) takes that last stretch for an old
    /// writer that came back after a newer one and discards it on every later recovery: acknowledged
    /// increments vanished from the total. The filter guards journals that can store two events under one
    /// sequence number; this one cannot (a unique index on persistence id and sequence number), so with it off
    /// every stored event is replayed exactly once. Two writers at once (a split brain) still cannot both
    /// store event n: the second write fails, that entity stops, and its batch is not acknowledged.
    /// </para>
    /// </summary>
    public static Config JournalInvariants { get; } = ConfigurationFactory.ParseString(
        "akka.persistence.journal.sql.replay-filter.mode = off");

    /// <summary>
    /// When the pre-flight check found the journal's tables, the node's journal and snapshot store must not create them
    /// again. Akka.Persistence.Sql's auto-initialize runs its table DDL every time a plugin starts, and on PostgreSQL that
    /// DDL includes <c>ALTER TABLE journal ADD CONSTRAINT journal_uq …</c> (its "already exists" error is caught): an ACCESS
    /// EXCLUSIVE lock on the journal table. It waits for every open transaction on the table — for ever if the node that
    /// holds one is frozen — and while it waits in PostgreSQL's lock queue every other session's reads and writes of the
    /// journal queue behind it: the whole cluster stops acknowledging (issue 20). Only a node that finds the tables
    /// missing (the first one on a new database) lets the plugins create them, at its start.
    /// </summary>
    internal static Config TablesCreatedAlready { get; } = ConfigurationFactory.ParseString(
        """
        akka.persistence.journal.sql.auto-initialize = off
        akka.persistence.snapshot-store.sql.auto-initialize = off
        """);

    /// <summary>HOCON that lets <see cref="CrashAsync"/> stop a node without it leaving the cluster.</summary>
    public static Config CrashableOverrides { get; } = ConfigurationFactory.ParseString(
        "akka.coordinated-shutdown.run-by-actor-system-terminate = off");

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (!System.WhenTerminated.IsCompleted)
        {
            await ShutdownAsync().ConfigureAwait(false);
        }

        await System.WhenTerminated.ConfigureAwait(false);
    }

    /// <summary>
    /// Server settings every journal session of a node runs with on PostgreSQL, unless the connection string's
    /// <c>Options</c> already sets them (milliseconds). Each bounds a wait that a node which stops without dying — frozen
    /// by <c>kill -STOP</c>, a debugger, a paused VM — would otherwise impose on every other node:
    /// <list type="bullet">
    /// <item><c>idle_in_transaction_session_timeout</c>: the server ends a session that sits inside a transaction without
    /// sending anything. A node frozen in the middle of a journal write holds its uncommitted rows; a counter that moved to
    /// another node writes the same (persistence id, sequence number) next, and PostgreSQL makes that insert wait for the
    /// frozen transaction to end (the unique index's check). Ended by the server, the frozen transaction rolls back: its
    /// rows were never acknowledged (a counter acknowledges only after the commit), so nothing acknowledged is lost, and
    /// the client's retry is counted once by the counter's new owner. 4 s: before the cluster has downed the frozen
    /// node (about 5 s), so the new owner's first write finds the way clear.</item>
    /// <item><c>lock_timeout</c>: any other lock wait (a row of the snapshot table, a table lock) fails after 6 s
    /// instead of lasting as long as the holder sleeps; the write fails, is not acknowledged, and is retried.</item>
    /// <item><c>statement_timeout</c>: no statement runs longer than 9 s, below the journal circuit breaker's call
    /// timeout (10 s), so a write that times out has ended in the database too, instead of committing in the background
    /// after its failure was reported.</item>
    /// </list>
    /// </summary>
    public static IReadOnlyDictionary<string, int> PostgresSessionTimeouts { get; } = new Dictionary<string, int>
    {
        ["idle_in_transaction_session_timeout"] = 4000,
        ["lock_timeout"] = 6000,
        ["statement_timeout"] = 9000,
    };

    /// <summary>
    /// The connection string the journal and snapshot store use on PostgreSQL: the user's, with
    /// <see cref="PostgresSessionTimeouts"/> added to <c>Options</c> (a setting the user gave is kept), a client-side
    /// command timeout of 12 s unless one is given (Npgsql's default is 30 s, the length of a recovery's whole budget),
    /// and an application name that tells <c>pg_stat_activity</c> which node a session belongs to (<c>counters node pid
    /// N</c>) unless one is given.
    /// </summary>
    public static string PostgresConnectionString(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        string options = builder.Options ?? "";
        foreach ((string name, int milliseconds) in PostgresSessionTimeouts)
        {
            if (!options.Contains(name, StringComparison.OrdinalIgnoreCase))
            {
                options = $"{options} -c {name}={milliseconds}".Trim();
            }
        }

        builder.Options = options;
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        if (!given.ContainsKey("Command Timeout") && !given.ContainsKey("CommandTimeout"))
        {
            builder.CommandTimeout = 12;
        }

        if (string.IsNullOrEmpty(builder.ApplicationName))
        {
            builder.ApplicationName = $"counters node pid {Environment.ProcessId}";
        }

        return builder.ConnectionString;
    }

    /// <summary>The SQLite connection string for a data folder (busy waits up to a minute on the file lock).</summary>
    public static string SqliteConnectionString(string dataFolder) =>
        new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(Path.GetFullPath(dataFolder), ShardedCounterNodeOptions.SqliteFileName),
            DefaultTimeout = 60,
            Pooling = true,
        }.ToString();

    /// <summary>
    /// The tables Akka.Persistence.Sql uses with this project's settings (table-mapping = default, tag-write-mode =
    /// TagTable): the events, their tags, the snapshots.
    /// </summary>
    internal static readonly string[] JournalTables = ["journal", "tags", "snapshot"];

    internal static async Task<JournalPlan> OpenJournalAsync(ShardedCounterNodeOptions options, CancellationToken cancellationToken)
    {
        switch (options.Journal)
        {
            case JournalKind.InMemory:
                return new JournalPlan(null, "persistence-inmem.conf", "in memory (nothing survives the node)", TablesExist: true);

            case JournalKind.Sqlite:
            {
                if (string.IsNullOrWhiteSpace(options.DataFolder))
                {
                    throw new NodeStartException(NodeStartFailure.JournalUnavailable, "the SQLite journal needs a data folder");
                }

                string connectionString = SqliteConnectionString(options.DataFolder);
                string file = Path.Combine(Path.GetFullPath(options.DataFolder), ShardedCounterNodeOptions.SqliteFileName);
                string? integrity;
                bool tablesExist;
                try
                {
                    Directory.CreateDirectory(options.DataFolder);
                    await using var connection = new SqliteConnection(connectionString);
                    await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
                    await using SqliteCommand command = connection.CreateCommand();
                    // WAL lets readers run beside the writer; the pragma also proves the file is a writable database.
                    command.CommandText = "PRAGMA journal_mode=WAL; SELECT count(*) FROM sqlite_master;";
                    await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
                    // A journal with overwritten pages opens and even answers queries; the check reads every page.
                    command.CommandText = "PRAGMA quick_check(1);";
                    integrity = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
                    command.CommandText = $"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ({string.Join(", ", JournalTables.Select(t => $"'{t}'"))});";
                    tablesExist = (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))! == JournalTables.Length;
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or SqliteException or ArgumentException or NotSupportedException)
                {
                    string reason = ex is SqliteException { SqliteErrorCode: 11 or 26 } ? "it is corrupt or not a database" : OneLine(ex.Message);
                    throw new NodeStartException(NodeStartFailure.JournalUnavailable, $"cannot open the SQLite journal {file}: {reason}", ex);
                }

                if (!string.Equals(integrity, "ok", StringComparison.Ordinal))
                {
                    throw new NodeStartException(
                        NodeStartFailure.JournalUnavailable,
                        $"the SQLite journal {file} is corrupt (integrity check: {OneLine(integrity ?? "no answer")}); restore it from a backup or start on another --data folder");
                }

                return new JournalPlan(connectionString, "persistence-sqlite.conf", file, tablesExist, file);
            }

            case JournalKind.Postgres:
            {
                if (string.IsNullOrWhiteSpace(options.ConnectionString))
                {
                    throw new NodeStartException(NodeStartFailure.JournalUnavailable, "the PostgreSQL journal needs a connection string");
                }

                NpgsqlConnectionStringBuilder builder;
                try
                {
                    builder = new NpgsqlConnectionStringBuilder(PostgresConnectionString(options.ConnectionString));
                }
                catch (ArgumentException ex)
                {
                    throw new NodeStartException(NodeStartFailure.JournalUnavailable, $"bad PostgreSQL connection string: {OneLine(ex.Message)}", ex);
                }

                string where = $"{builder.Host}:{builder.Port}/{builder.Database}";
                bool tablesExist;
                try
                {
                    var probe = new NpgsqlConnectionStringBuilder(builder.ConnectionString) { Timeout = 5 };
                    await using var connection = new NpgsqlConnection(probe.ConnectionString);
                    await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
                    // to_regclass reads the catalog only: it takes no lock on the tables, so a node that holds one open
                    // in a transaction (or is frozen inside one) cannot make this start wait.
                    await using var command = new NpgsqlCommand(
                        $"SELECT {string.Join(" + ", JournalTables.Select(t => $"(to_regclass('{t}') IS NOT NULL)::int"))}", connection);
                    tablesExist = (int)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))! == JournalTables.Length;
                }
                catch (Exception ex) when (ex is NpgsqlException or SocketException or TimeoutException or InvalidOperationException)
                {
                    throw new NodeStartException(NodeStartFailure.JournalUnavailable, $"cannot open the PostgreSQL journal {where}: {OneLine(Innermost(ex).Message)}", ex);
                }

                return new JournalPlan(builder.ConnectionString, "persistence-postgres.conf", "postgresql://" + where, tablesExist);
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(options), options.Journal, "unknown journal kind");
        }
    }

    /// <summary>A start that failed must not leave behind an empty journal file it created (nor its WAL files).</summary>
    private static void RemoveIfCreatedHere(string file, bool existed)
    {
        if (existed)
        {
            return;
        }

        SqliteConnection.ClearAllPools();
        foreach (string path in new[] { file, file + "-wal", file + "-shm" })
        {
            try
            {
                File.Delete(path);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Nothing more to do: the start's own error is the one to report.
            }
        }
    }

    private static Address[] ParseSeeds(ShardedCounterNodeOptions options) =>
        options.Seeds.Select(seed =>
        {
            string text = seed.Contains("://", StringComparison.Ordinal) ? seed : $"{Protocol(options)}://{options.SystemName}@{seed}";
            try
            {
                Address address = Address.Parse(text);
                if (address.Port is null or <= 0 || address.Host is null)
                {
                    throw new UriFormatException("no host or port");
                }

                return address;
            }
            catch (Exception ex) when (ex is UriFormatException or ArgumentException or FormatException)
            {
                throw new NodeStartException(NodeStartFailure.BadSeed, $"seed '{seed}' is not host:port nor {Protocol(options)}://{options.SystemName}@host:port", ex);
            }
        }).ToArray();

    /// <summary>The address protocol: the throttler adapter's when fault injection is on.</summary>
    private static string Protocol(ShardedCounterNodeOptions options) => options.FaultInjection ? "akka.trttl.tcp" : "akka.tcp";

    internal static Config BuildConfig(ShardedCounterNodeOptions options, JournalPlan journal)
    {
        string? connectionString = journal.ConnectionString;
        string strategy = options.Downing == DowningStrategy.KeepMajority ? "keep-majority" : "keep-oldest";
        string settings = $"""
            akka.remote.dot-netty.tcp.hostname = {Quote(options.Hostname)}
            akka.remote.dot-netty.tcp.port = {options.Port}
            akka.cluster.split-brain-resolver.active-strategy = {strategy}
            """;
        if (options.FaultInjection)
        {
            settings += "\nakka.remote.dot-netty.tcp.applied-adapters = [trttl]";
        }

        if (connectionString is not null)
        {
            settings += $"""

                akka.persistence.journal.sql.connection-string = {Quote(connectionString)}
                akka.persistence.snapshot-store.sql.connection-string = {Quote(connectionString)}
                """;
        }

        Config config = ConfigurationFactory.ParseString(settings);
        if (options.Overrides is not null)
        {
            config = options.Overrides.WithFallback(config);
        }

        return JournalInvariants
            .WithFallback(journal.TablesExist ? TablesCreatedAlready : Config.Empty)
            .WithFallback(config)
            .WithFallback(HoconConfig.Load(journal.HoconFile).Config)
            .WithFallback(HoconConfig.Load("cluster.conf").Config)
            .WithFallback(HoconConfig.Base)
            .WithFallback(ClusterSharding.DefaultConfig())
            .WithFallback(SqlPersistence.DefaultConfiguration);
    }

    private static async Task JoinAsync(ActorSystem system, Address[] seeds, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var cluster = Cluster.Get(system);
        var up = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        cluster.RegisterOnMemberUp(() => up.TrySetResult());
        if (seeds.Length == 0)
        {
            cluster.Join(cluster.SelfAddress); // a single-node cluster: its own seed
        }
        else
        {
            cluster.JoinSeedNodes(seeds);
        }

        try
        {
            await up.Task.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException ex)
        {
            string where = seeds.Length == 0 ? "itself" : string.Join(", ", seeds.Select(s => $"{s.Host}:{s.Port}"));
            throw new NodeStartException(NodeStartFailure.JoinTimedOut, $"could not join the cluster at {where} within {timeout.TotalSeconds:0.#} s (is the seed node running?)", ex);
        }
    }

    private static async Task WaitUntilReadyAsync(IActorRef region, TimeSpan timeout, CancellationToken cancellationToken)
    {
        // The region buffers this message until the coordinator has allocated its shard; the reply proves
        // the whole path works, from the region to an entity that recovered from the journal. One attempt can
        // be lost for good (its shard was on a node that died before answering), so it is asked again every
        // few seconds until the deadline.
        var deadline = DateTime.UtcNow + timeout;
        TimeSpan attempt = TimeSpan.FromSeconds(Math.Min(3, timeout.TotalSeconds));
        while (true)
        {
            try
            {
                await region.Ask<ShardedCounterProtocol.Count>(new ShardedCounterProtocol.GetCount(ReadinessKey), attempt, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (AskTimeoutException ex) when (DateTime.UtcNow + attempt > deadline)
            {
                throw new NodeStartException(NodeStartFailure.RegionNotReady, $"the counter region did not become ready within {timeout.TotalSeconds:0.#} s (journal or coordinator unavailable)", ex);
            }
            catch (AskTimeoutException)
            {
                // Not yet: ask again.
            }
        }
    }

    /// <summary>
    /// A named port that another process holds is refused here, before remoting logs its own start-up
    /// failure. (A port taken between this check and the bind is still caught from ActorSystem.Create.)
    /// </summary>
    private static void ThrowIfPortTaken(ShardedCounterNodeOptions options)
    {
        if (options.Port == 0 || !IPAddress.TryParse(options.Hostname, out IPAddress? address))
        {
            return;
        }

        try
        {
            var listener = new TcpListener(address, options.Port) { ExclusiveAddressUse = true };
            listener.Start();
            listener.Stop();
        }
        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            throw new NodeStartException(NodeStartFailure.PortInUse, $"port {options.Port} on {options.Hostname} is already in use", ex);
        }
        catch (SocketException ex)
        {
            throw new NodeStartException(NodeStartFailure.TransportFailed, $"cannot listen on {options.Hostname}:{options.Port}: {ex.Message}", ex);
        }
    }

    private static bool IsPortInUse(Exception ex)
    {
        for (Exception? e = ex; e is not null; e = e.InnerException)
        {
            if (e is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse }
                || e.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static Exception Innermost(Exception ex)
    {
        while (ex.InnerException is not null)
        {
            ex = ex.InnerException;
        }

        return ex;
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();

    private static string Quote(string value) => "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
