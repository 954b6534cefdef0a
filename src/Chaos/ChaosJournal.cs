namespace ActorConcurrency.Chaos;

/// <summary>
/// The journal every node of a scenario shares: a SQLite file in a folder of the scenario's own (fresh each
/// time), or a PostgreSQL database (shared with earlier runs, so a scenario reads its counts as a difference
/// from a reading taken before it starts).
/// </summary>
public sealed record ChaosJournal(string Kind, string? ConnectionString)
{
    public static ChaosJournal Sqlite { get; } = new("sqlite", null);

    public static ChaosJournal Postgres(string connectionString) => new("postgres", connectionString);

    public bool IsShared => Kind == "postgres";

    /// <summary>The node options that name this journal; <paramref name="dataFolder"/> holds the SQLite file.</summary>
    public IReadOnlyList<string> NodeArguments(string dataFolder) => IsShared
        ? ["--journal", "postgres", "--connection-string", ConnectionString!]
        : ["--journal", "sqlite", "--data", dataFolder];
}
