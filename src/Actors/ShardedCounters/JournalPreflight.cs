using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace ActorConcurrency.Actors.ShardedCounters;

/// <summary>
/// The check a counter node makes on its journal before its actor system starts: the journal opens, is a sound database
/// and answers, and its tables are there or not (<see cref="JournalPlan"/>). A journal the node cannot use becomes a
/// <see cref="NodeStartException"/> (<see cref="NodeStartFailure.JournalUnavailable"/>) with a one-line message, before any
/// actor system exists; a SQLite file that a failed start created is removed again (<see cref="RemoveIfCreatedHere"/>).
/// </summary>
internal static class JournalPreflight
{
    /// <summary>
    /// The tables Akka.Persistence.Sql uses with this project's settings (table-mapping = default, tag-write-mode =
    /// TagTable): the events, their tags, the snapshots.
    /// </summary>
    internal static readonly string[] JournalTables = ["journal", "tags", "snapshot"];

    /// <summary>Opens and checks the journal <paramref name="options"/> name.</summary>
    /// <exception cref="NodeStartException">The journal cannot be used; the message says why in one line.</exception>
    public static Task<JournalPlan> OpenAsync(ShardedCounterNodeOptions options, CancellationToken cancellationToken) =>
        options.Journal switch
        {
            JournalKind.InMemory => Task.FromResult(new JournalPlan(null, "persistence-inmem.conf", "in memory (nothing survives the node)", TablesExist: true)),
            JournalKind.Sqlite => OpenSqliteAsync(options, cancellationToken),
            JournalKind.Postgres => OpenPostgresAsync(options, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Journal, "unknown journal kind"),
        };

    /// <summary>A start that failed must not leave behind an empty journal file it created (nor its WAL files).</summary>
    public static void RemoveIfCreatedHere(string file, bool existed)
    {
        if (existed)
        {
            return;
        }

        SqliteConnection.ClearAllPools();
        foreach (string path in new[] { file, file + "-wal", file + "-shm" })
        {
            try
            {
                File.Delete(path);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Nothing more to do: the start's own error is the one to report.
            }
        }
    }

    private static async Task<JournalPlan> OpenSqliteAsync(ShardedCounterNodeOptions options, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(options.DataFolder))
        {
            throw new NodeStartException(NodeStartFailure.JournalUnavailable, "the SQLite journal needs a data folder");
        }

        string connectionString = JournalConnectionStrings.Sqlite(options.DataFolder);
        string file = JournalConnectionStrings.SqliteFile(options.DataFolder);
        string? integrity;
        bool tablesExist;
        try
        {
            Directory.CreateDirectory(options.DataFolder);
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using SqliteCommand command = connection.CreateCommand();
            // WAL lets readers run beside the writer; the pragma also proves the file is a writable database.
            command.CommandText = "PRAGMA journal_mode=WAL; SELECT count(*) FROM sqlite_master;";
            await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            // A journal with overwritten pages opens and even answers queries; the check reads every page.
            command.CommandText = "PRAGMA quick_check(1);";
            integrity = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
            command.CommandText = $"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ({string.Join(", ", JournalTables.Select(t => $"'{t}'"))});";
            tablesExist = (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))! == JournalTables.Length;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or SqliteException or ArgumentException or NotSupportedException)
        {
            string reason = ex is SqliteException { SqliteErrorCode: 11 or 26 } ? "it is corrupt or not a database" : NodeStartException.OneLine(ex.Message);
            throw new NodeStartException(NodeStartFailure.JournalUnavailable, $"cannot open the SQLite journal {file}: {reason}", ex);
        }

        if (!string.Equals(integrity, "ok", StringComparison.Ordinal))
        {
            throw new NodeStartException(
                NodeStartFailure.JournalUnavailable,
                $"the SQLite journal {file} is corrupt (integrity check: {NodeStartException.OneLine(integrity ?? "no answer")}); restore it from a backup or start on another --data folder");
        }

        return new JournalPlan(connectionString, "persistence-sqlite.conf", file, tablesExist, file);
    }

    private static async Task<JournalPlan> OpenPostgresAsync(ShardedCounterNodeOptions options, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            throw new NodeStartException(NodeStartFailure.JournalUnavailable, "the PostgreSQL journal needs a connection string");
        }

        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(JournalConnectionStrings.Postgres(options.ConnectionString));
        }
        catch (ArgumentException ex)
        {
            throw new NodeStartException(NodeStartFailure.JournalUnavailable, $"bad PostgreSQL connection string: {NodeStartException.OneLine(ex.Message)}", ex);
        }

        string where = $"{builder.Host}:{builder.Port}/{builder.Database}";
        bool tablesExist;
        try
        {
            var probe = new NpgsqlConnectionStringBuilder(builder.ConnectionString) { Timeout = 5 };
            await using var connection = new NpgsqlConnection(probe.ConnectionString);
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            // to_regclass reads the catalog only: it takes no lock on the tables, so a node that holds one open
            // in a transaction (or is frozen inside one) cannot make this start wait.
            await using var command = new NpgsqlCommand(
                $"SELECT {string.Join(" + ", JournalTables.Select(t => $"(to_regclass('{t}') IS NOT NULL)::int"))}", connection);
            tablesExist = (int)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))! == JournalTables.Length;
        }
        catch (Exception ex) when (ex is NpgsqlException or SocketException or TimeoutException or InvalidOperationException)
        {
            throw new NodeStartException(NodeStartFailure.JournalUnavailable, $"cannot open the PostgreSQL journal {where}: {NodeStartException.OneLine(NodeStartException.Innermost(ex).Message)}", ex);
        }

        return new JournalPlan(builder.ConnectionString, "persistence-postgres.conf", "postgresql://" + where, tablesExist);
    }
}
