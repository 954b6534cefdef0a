using ActorConcurrency.Host.Commands;
using Npgsql;

namespace ActorConcurrency.Tests.ShardedCounters;

/// <summary>
/// A fact that needs a PostgreSQL server: the connection string comes from <c>COUNTERS_POSTGRES</c> (set by
/// <c>.ci/run</c> once it has started a local server). Without one the spec is reported as skipped, with
/// the reason, never as passed.
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

    /// <summary>The connection string, when a server answered.</summary>
    public static string? ConnectionString => Environment.GetEnvironmentVariable(NodeCommand.PostgresEnvironmentVariable);

    private static string? Unavailable()
    {
        string? connectionString = ConnectionString;
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return $"no PostgreSQL server: ${NodeCommand.PostgresEnvironmentVariable} is not set (.ci/run sets it after starting a local server)";
        }

        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString) { Timeout = 5 };
            using var connection = new NpgsqlConnection(builder.ConnectionString);
            connection.Open();
            return null;
        }
        catch (Exception ex) when (ex is NpgsqlException or ArgumentException or InvalidOperationException)
        {
            return $"no PostgreSQL server at ${NodeCommand.PostgresEnvironmentVariable}: {ex.Message}";
        }
    }
}
