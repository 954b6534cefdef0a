using Npgsql;

namespace ActorConcurrency.CrashHarness;

/// <summary>
/// A fact that needs the PostgreSQL server of <c>COUNTERS_POSTGRES</c> (set by <c>.ci/start-postgres.sh</c>).
/// Without one it is reported as skipped, with the reason, never as passed.
/// </summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (Unavailable() is { } reason)
        {
            Skip = reason;
        }
    }

    public static string? ConnectionString => Environment.GetEnvironmentVariable("COUNTERS_POSTGRES");

    private static string? Unavailable()
    {
        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            return "no PostgreSQL server: $COUNTERS_POSTGRES is not set (.ci/start-postgres.sh sets it after starting a local server)";
        }

        try
        {
            using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { Timeout = 5 }.ConnectionString);
            connection.Open();
            return null;
        }
        catch (Exception ex) when (ex is NpgsqlException or ArgumentException or InvalidOperationException)
        {
            return $"no PostgreSQL server at $COUNTERS_POSTGRES: {ex.Message}";
        }
    }
}
