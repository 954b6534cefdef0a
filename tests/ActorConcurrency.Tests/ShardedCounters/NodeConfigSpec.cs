using ActorConcurrency.Actors.Hosting;
using ActorConcurrency.Actors.ShardedCounters;
using Akka.Cluster.Sharding;
using Akka.Configuration;
using Akka.Configuration.Hocon;
using Akka.Persistence.Sql;

namespace ActorConcurrency.Tests.ShardedCounters;

/// <summary>
/// The configuration a counter node starts with, pinned for each journal: the settings the node writes from its options
/// and its journal (address, port, downing strategy, fault injection, connection strings, table creation), what overrides
/// may and may not change, and that nothing else differs from the HOCON files it falls back to. A value the node writes
/// that happens to equal the files' is asserted by itself as well, so a key that stopped being written would show too.
/// </summary>
public sealed class NodeConfigSpec
{
    private const string SqliteFile = "/data/counters.db";
    private const string SqliteConnection = "Data Source=/data/counters.db;Default Timeout=60;Pooling=True";

    // Every character HOCON treats specially inside or outside quotes: a quote, a backslash, a substitution, a comment,
    // separators, braces, a tab and a line break. Each must come back out as it went in.
    private const string PostgresConnection =
        "Host=db;Database=counters;Username=u;Password=p\"a\\ss${x}#//,=:{}[]\tend\nnext;Options=-c lock_timeout=6000";

    [Fact]
    public void A_node_on_a_new_sqlite_file_sets_its_port_and_connection_strings_and_lets_the_journal_create_its_tables()
    {
        var options = new ShardedCounterNodeOptions { Port = 4053, DataFolder = "/data" };
        var journal = new JournalPlan(SqliteConnection, "persistence-sqlite.conf", SqliteFile, TablesExist: false, SqliteFile);

        Config config = NodeConfig.Build(options, journal);

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["akka.remote.dot-netty.tcp.port"] = "4053",
                ["akka.persistence.journal.sql.connection-string"] = SqliteConnection,
                ["akka.persistence.snapshot-store.sql.connection-string"] = SqliteConnection,
                ["akka.persistence.journal.sql.replay-filter.mode"] = "off",
            },
            DifferencesFromFiles(config, "persistence-sqlite.conf"));
        Assert.Equal("127.0.0.1", config.GetString("akka.remote.dot-netty.tcp.hostname"));
        Assert.Equal("keep-oldest", config.GetString("akka.cluster.split-brain-resolver.active-strategy"));
        Assert.True(config.GetBoolean("akka.persistence.journal.sql.auto-initialize"));
        Assert.True(config.GetBoolean("akka.persistence.snapshot-store.sql.auto-initialize"));
        Assert.Equal("SQLite.MS", config.GetString("akka.persistence.journal.sql.provider-name"));
        Assert.Equal("cluster", config.GetString("akka.actor.provider"));
    }

    [Fact]
    public void A_node_on_existing_sqlite_tables_turns_table_creation_off_and_writes_its_host_strategy_and_adapter()
    {
        var options = new ShardedCounterNodeOptions
        {
            Hostname = "localhost",
            Port = 4054,
            DataFolder = "/data",
            Downing = DowningStrategy.KeepMajority,
            FaultInjection = true,
        };
        var journal = new JournalPlan(SqliteConnection, "persistence-sqlite.conf", SqliteFile, TablesExist: true, SqliteFile);

        Config config = NodeConfig.Build(options, journal);

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["akka.remote.dot-netty.tcp.hostname"] = "localhost",
                ["akka.remote.dot-netty.tcp.port"] = "4054",
                ["akka.remote.dot-netty.tcp.applied-adapters"] = "[trttl]",
                ["akka.cluster.split-brain-resolver.active-strategy"] = "keep-majority",
                ["akka.persistence.journal.sql.connection-string"] = SqliteConnection,
                ["akka.persistence.snapshot-store.sql.connection-string"] = SqliteConnection,
                ["akka.persistence.journal.sql.auto-initialize"] = "off",
                ["akka.persistence.snapshot-store.sql.auto-initialize"] = "off",
                ["akka.persistence.journal.sql.replay-filter.mode"] = "off",
            },
            DifferencesFromFiles(config, "persistence-sqlite.conf"));
    }

    [Fact]
    public void A_node_on_postgres_keeps_its_connection_string_to_the_character_and_overrides_win_except_over_the_invariants()
    {
        var options = new ShardedCounterNodeOptions
        {
            Journal = JournalKind.Postgres,
            Port = 4055,
            ConnectionString = PostgresConnection,
            Overrides = ConfigurationFactory.ParseString(
                """
                akka.remote.dot-netty.tcp.port = 5000
                akka.cluster.split-brain-resolver.stable-after = 7s
                akka.persistence.journal.sql.replay-filter.mode = repair-by-discard-old
                akka.persistence.journal.sql.auto-initialize = on
                """),
        };
        var journal = new JournalPlan(PostgresConnection, "persistence-postgres.conf", "postgresql://db:5432/counters", TablesExist: true);

        Config config = NodeConfig.Build(options, journal);

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["akka.remote.dot-netty.tcp.port"] = "5000",
                ["akka.cluster.split-brain-resolver.stable-after"] = "7s",
                ["akka.persistence.journal.sql.connection-string"] = PostgresConnection,
                ["akka.persistence.snapshot-store.sql.connection-string"] = PostgresConnection,
                ["akka.persistence.journal.sql.auto-initialize"] = "off",
                ["akka.persistence.snapshot-store.sql.auto-initialize"] = "off",
                ["akka.persistence.journal.sql.replay-filter.mode"] = "off",
            },
            DifferencesFromFiles(config, "persistence-postgres.conf"));
        Assert.Equal("PostgreSQL.15", config.GetString("akka.persistence.journal.sql.provider-name"));
    }

    [Fact]
    public void A_node_in_memory_writes_no_connection_string()
    {
        var options = new ShardedCounterNodeOptions { Journal = JournalKind.InMemory, Port = 4056 };
        var journal = new JournalPlan(null, "persistence-inmem.conf", "in memory (nothing survives the node)", TablesExist: true);

        Config config = NodeConfig.Build(options, journal);

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["akka.remote.dot-netty.tcp.port"] = "4056",
                ["akka.persistence.journal.sql.auto-initialize"] = "off",
                ["akka.persistence.snapshot-store.sql.auto-initialize"] = "off",
                ["akka.persistence.journal.sql.replay-filter.mode"] = "off",
            },
            DifferencesFromFiles(config, "persistence-inmem.conf"));
        Assert.Equal("akka.persistence.journal.inmem", config.GetString("akka.persistence.journal.plugin"));
    }

    /// <summary>
    /// Every leaf of <paramref name="config"/> whose value is not the one the HOCON files give it, in the order a node
    /// falls back to them: the journal's file, cluster.conf, base.conf, then Akka's sharding and SQL persistence defaults.
    /// </summary>
    private static Dictionary<string, string> DifferencesFromFiles(Config config, string journalFile)
    {
        Config files = HoconConfig.Load(journalFile).Config
            .WithFallback(HoconConfig.Load("cluster.conf").Config)
            .WithFallback(HoconConfig.Base)
            .WithFallback(ClusterSharding.DefaultConfig())
            .WithFallback(SqlPersistence.DefaultConfiguration);
        Dictionary<string, string> expected = Leaves(files);
        return Leaves(config)
            .Where(leaf => !expected.TryGetValue(leaf.Key, out string? value) || value != leaf.Value)
            .ToDictionary(leaf => leaf.Key, leaf => leaf.Value, StringComparer.Ordinal);
    }

    private static Dictionary<string, string> Leaves(Config config)
    {
        var leaves = new Dictionary<string, string>(StringComparer.Ordinal);
        Walk(config.Root, "", leaves);
        return leaves;
    }

    private static void Walk(HoconValue value, string path, Dictionary<string, string> leaves)
    {
        if (value.IsObject())
        {
            foreach ((string key, HoconValue child) in value.GetObject().Items)
            {
                Walk(child, path.Length == 0 ? key : $"{path}.{key}", leaves);
            }

            return;
        }

        leaves[path] = value.IsArray()
            ? $"[{string.Join(", ", value.GetArray().Select(Text))}]"
            : Text(value);
    }

    private static string Text(HoconValue value) => value.IsString() ? value.GetString() : value.ToString();
}
