using ActorConcurrency.Actors.Hosting;
using Akka.Cluster.Sharding;
using Akka.Configuration;
using Akka.Persistence.Sql;

namespace ActorConcurrency.Actors.ShardedCounters;

/// <summary>
/// The configuration a counter node's actor system starts with, from the top: the settings the durability promise
/// depends on (<see cref="JournalInvariants"/>), table creation turned off when the pre-flight found the tables
/// (<see cref="TablesCreatedAlready"/>), the user's overrides, the settings the node's options and journal decide
/// (address, port, downing strategy, fault injection, connection strings), then the HOCON files: the journal's,
/// <c>cluster.conf</c>, <c>base.conf</c>, and Akka's sharding and SQL persistence defaults.
/// </summary>
internal static class NodeConfig
{
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
    public static Config JournalInvariants { get; } = new HoconWriter()
        .Set("akka.persistence.journal.sql.replay-filter.mode", "off")
        .ToConfig();

    /// <summary>
    /// When the pre-flight check found the journal's tables, the node's journal and snapshot store must not create them
    /// again. Akka.Persistence.Sql's auto-initialize runs its table DDL every time a plugin starts, and on PostgreSQL that
    /// DDL includes <c>ALTER TABLE journal ADD CONSTRAINT journal_uq …</c> (its "already exists" error is caught): an ACCESS
    /// EXCLUSIVE lock on the journal table. It waits for every open transaction on the table — for ever if the node that
    /// holds one is frozen — and while it waits in PostgreSQL's lock queue every other session's reads and writes of the
    /// journal queue behind it: the whole cluster stops acknowledging (issue 20). Only a node that finds the tables
    /// missing (the first one on a new database) lets the plugins create them, at its start.
    /// </summary>
    public static Config TablesCreatedAlready { get; } = new HoconWriter()
        .Set("akka.persistence.journal.sql.auto-initialize", false)
        .Set("akka.persistence.snapshot-store.sql.auto-initialize", false)
        .ToConfig();

    /// <summary>The whole configuration of a node started with <paramref name="options"/> on <paramref name="journal"/>.</summary>
    public static Config Build(ShardedCounterNodeOptions options, JournalPlan journal)
    {
        Config settings = NodeSettings(options, journal);
        if (options.Overrides is not null)
        {
            settings = options.Overrides.WithFallback(settings);
        }

        return JournalInvariants
            .WithFallback(journal.TablesExist ? TablesCreatedAlready : Config.Empty)
            .WithFallback(settings)
            .WithFallback(HoconConfig.Load(journal.HoconFile).Config)
            .WithFallback(HoconConfig.Load("cluster.conf").Config)
            .WithFallback(HoconConfig.Base)
            .WithFallback(ClusterSharding.DefaultConfig())
            .WithFallback(SqlPersistence.DefaultConfiguration);
    }

    /// <summary>What the node's options and its journal decide: where it listens, how it downs, how it reaches the journal.</summary>
    private static Config NodeSettings(ShardedCounterNodeOptions options, JournalPlan journal)
    {
        var settings = new HoconWriter()
            .Set("akka.remote.dot-netty.tcp.hostname", options.Hostname)
            .Set("akka.remote.dot-netty.tcp.port", options.Port)
            .Set("akka.cluster.split-brain-resolver.active-strategy", options.Downing == DowningStrategy.KeepMajority ? "keep-majority" : "keep-oldest");
        if (options.FaultInjection)
        {
            // The throttler adapter, which lets ShardedCounterNode.CutOffAsync black-hole a link.
            settings.Set("akka.remote.dot-netty.tcp.applied-adapters", ["trttl"]);
        }

        if (journal.ConnectionString is { } connectionString)
        {
            settings
                .Set("akka.persistence.journal.sql.connection-string", connectionString)
                .Set("akka.persistence.snapshot-store.sql.connection-string", connectionString);
        }

        return settings.ToConfig();
    }
}
