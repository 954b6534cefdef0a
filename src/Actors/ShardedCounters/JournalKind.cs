namespace ActorConcurrency.Actors.ShardedCounters;

/// <summary>Where a counter node keeps its journal.</summary>
public enum JournalKind
{
    /// <summary>A SQLite file in the node's data folder (hocon/persistence-sqlite.conf): the default.</summary>
    Sqlite,

    /// <summary>A PostgreSQL database shared by every node (hocon/persistence-postgres.conf).</summary>
    Postgres,

    /// <summary>The in-memory journal (hocon/persistence-inmem.conf): nothing survives the node; specs and benchmarks only.</summary>
    InMemory,
}
