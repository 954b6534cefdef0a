using Microsoft.Data.Sqlite;
using Npgsql;

namespace ActorConcurrency.Actors.ShardedCounters;

/// <summary>
/// How a counter node reaches its journal: the SQLite file of a data folder and its connection string, and the
/// PostgreSQL connection string with the session settings that keep a frozen node from making the others wait.
/// </summary>
public static class JournalConnectionStrings
{
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
    public static string Postgres(string connectionString)
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
    public static string Sqlite(string dataFolder) =>
        new SqliteConnectionStringBuilder
        {
            DataSource = SqliteFile(dataFolder),
            DefaultTimeout = 60,
            Pooling = true,
        }.ToString();

    /// <summary>The full path of the SQLite journal in <paramref name="dataFolder"/> (<see cref="ShardedCounterNodeOptions.SqliteFileName"/>).</summary>
    public static string SqliteFile(string dataFolder) =>
        Path.Combine(Path.GetFullPath(dataFolder), ShardedCounterNodeOptions.SqliteFileName);
}
