using Akka.Configuration;

namespace ActorConcurrency.Actors.ShardedCounters;

/// <summary>How to start one <see cref="ShardedCounterNode"/>.</summary>
public sealed record ShardedCounterNodeOptions
{
    /// <summary>The actor system's name; every node of one cluster uses the same.</summary>
    public const string DefaultSystemName = "counters";

    /// <summary>The address the node listens on: loopback unless the user names another.</summary>
    public string Hostname { get; init; } = "127.0.0.1";

    /// <summary>The TCP port; 0 lets the system choose a free one.</summary>
    public int Port { get; init; }

    /// <summary>Seed nodes as <c>host:port</c> or full <c>akka.tcp://system@host:port</c>; empty = join itself.</summary>
    public IReadOnlyList<string> Seeds { get; init; } = [];

    /// <summary>The journal.</summary>
    public JournalKind Journal { get; init; } = JournalKind.Sqlite;

    /// <summary>The folder of the SQLite file (<see cref="SqliteFileName"/>); required for <see cref="JournalKind.Sqlite"/>.</summary>
    public string? DataFolder { get; init; }

    /// <summary>The PostgreSQL connection string; required for <see cref="JournalKind.Postgres"/>.</summary>
    public string? ConnectionString { get; init; }

    /// <summary>How long the node may take to become a member (Up) before it gives up.</summary>
    public TimeSpan JoinTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>How long the region may take to answer its first message (coordinator found, shard allocated).</summary>
    public TimeSpan ReadyTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// True (the default): <see cref="ShardedCounterNode.StartAsync"/> returns once the member is Up and the region
    /// answered. False: it returns as soon as the region exists, before the node has even joined, so a
    /// spec can send a burst "the moment the node starts" and prove the client's window loses nothing.
    /// </summary>
    public bool AwaitReadiness { get; init; } = true;

    /// <summary>Which side of a failure keeps running; the same on every node of the cluster.</summary>
    public DowningStrategy Downing { get; init; } = DowningStrategy.KeepOldest;

    /// <summary>The actor system's name.</summary>
    public string SystemName { get; init; } = DefaultSystemName;

    /// <summary>
    /// Testing only: the node's remoting runs through Akka.Remote's throttler transport adapter (the one Akka's
    /// multi-node tests black-hole links with), so <see cref="ShardedCounterNode.CutOffAsync"/> can cut it off from other
    /// nodes while both sides keep running. Every node of the cluster must set it (addresses become
    /// <c>akka.trttl.tcp://…</c>).
    /// </summary>
    public bool FaultInjection { get; init; }

    /// <summary>Extra HOCON that overrides everything else (specs tune failure detection with it).</summary>
    public Config? Overrides { get; init; }

    /// <summary>The SQLite file's name inside <see cref="DataFolder"/>.</summary>
    public const string SqliteFileName = "counters.db";
}
