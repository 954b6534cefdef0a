using Npgsql;

namespace ActorConcurrency.CrashHarness;

/// <summary>
/// A crash scenario's fact. The short form (what <c>dotnet test</c> runs in CI) is the scenarios marked
/// <see cref="InShortForm"/>; the long form runs every scenario, and is chosen by <c>CHAOS_SCENARIOS=all</c>
/// (or a list of names) or by setting <c>CHAOS_KILLS</c> or <c>CHAOS_FAULT_SECONDS</c>. A PostgreSQL fact needs the server of
/// <c>COUNTERS_POSTGRES</c> (set by <c>.ci/start-postgres.sh</c>). A fact left out is reported as skipped, with
/// the reason, never as passed.
/// </summary>
public sealed class CrashFactAttribute : FactAttribute
{
    private readonly string _scenario;
    private bool _inShortForm;
    private bool _postgres;

    public CrashFactAttribute(string scenario)
    {
        _scenario = scenario;
        Skip = Unselected();
    }

    /// <summary>Runs in the short form too.</summary>
    public bool InShortForm
    {
        get => _inShortForm;
        set
        {
            _inShortForm = value;
            Skip = Unselected();
        }
    }

    /// <summary>Needs a PostgreSQL server.</summary>
    public bool Postgres
    {
        get => _postgres;
        set
        {
            _postgres = value;
            Skip = Unselected();
        }
    }

    public static string? ConnectionString => Environment.GetEnvironmentVariable("COUNTERS_POSTGRES");

    private string? Unselected()
    {
        string? chosen = Environment.GetEnvironmentVariable("CHAOS_SCENARIOS");
        bool longForm = chosen is "all" || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CHAOS_KILLS"))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CHAOS_FAULT_SECONDS"));
        if (!string.IsNullOrEmpty(chosen) && chosen != "all")
        {
            if (!chosen.Split(',', StringSplitOptions.TrimEntries).Contains(_scenario))
            {
                return $"not among CHAOS_SCENARIOS={chosen}";
            }
        }
        else if (!longForm && !_inShortForm)
        {
            return "long form only: set CHAOS_SCENARIOS=all (or CHAOS_KILLS=N) to run it";
        }

        return _postgres ? PostgresUnavailable() : null;
    }

    private static string? PostgresUnavailable()
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
