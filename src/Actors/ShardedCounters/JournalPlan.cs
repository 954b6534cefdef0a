namespace ActorConcurrency.Actors.ShardedCounters;

/// <summary>
/// What the pre-flight check found before a node's actor system starts: how to reach the journal
/// (<see cref="ConnectionString"/>, null for the in-memory journal), which HOCON file configures it, how to name it
/// to a user, whether its tables are there already, and the SQLite file (null on another journal).
/// </summary>
internal sealed record JournalPlan(string? ConnectionString, string HoconFile, string Description, bool TablesExist, string? SqliteFile = null);
