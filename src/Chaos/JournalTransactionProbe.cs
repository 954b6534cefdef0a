using System.Globalization;
using ActorConcurrency.Actors.ShardedCounters;
using Npgsql;

namespace ActorConcurrency.Chaos;

/// <summary>
/// Whether a node process is in the middle of a journal write transaction: on PostgreSQL, a server session on one of
/// its TCP connections that has written in its open transaction (<c>backend_xid</c> set: it holds row and index
/// entries the others may have to wait for); on SQLite, the WAL write lock held by its pid. Lets a freeze scenario
/// stop the node at the moment that hurts the others most, with any build of the node (nothing is asked of it).
/// </summary>
internal sealed class JournalTransactionProbe
{
    private readonly ChaosJournal _journal;
    private readonly string _sqliteFile;

    public JournalTransactionProbe(ChaosJournal journal, string dataFolder)
    {
        _journal = journal;
        _sqliteFile = JournalConnectionStrings.SqliteFile(dataFolder);
    }

    /// <summary>True when process <paramref name="pid"/> holds an open journal write transaction now.</summary>
    public async Task<bool> HoldsWriteTransactionAsync(int pid, CancellationToken cancellationToken)
    {
        if (!OperatingSystem.IsLinux() || pid <= 0)
        {
            return false;
        }

        if (!_journal.IsShared)
        {
            return SqliteWriteLock.Holders(_sqliteFile, pid).Contains(pid);
        }

        var builder = new NpgsqlConnectionStringBuilder(_journal.ConnectionString) { Timeout = 5, ApplicationName = "chaos probe", Pooling = false };
        int[] ports = ClientPorts(pid, builder.Port);
        if (ports.Length == 0)
        {
            return false;
        }

        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE client_port = ANY(@ports) AND backend_xid IS NOT NULL AND xact_start IS NOT NULL", connection);
        command.Parameters.AddWithValue("ports", ports);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))! > 0;
    }

    /// <summary>The local ports of <paramref name="pid"/>'s TCP connections to <paramref name="serverPort"/> (its sockets' inodes in <c>/proc/net/tcp</c>).</summary>
    private static int[] ClientPorts(int pid, int serverPort)
    {
        try
        {
            var inodes = new HashSet<string>(StringComparer.Ordinal);
            foreach (string fd in Directory.EnumerateFileSystemEntries($"/proc/{pid}/fd"))
            {
                if (new FileInfo(fd).LinkTarget is { } target && target.StartsWith("socket:[", StringComparison.Ordinal))
                {
                    inodes.Add(target[8..^1]);
                }
            }

            var ports = new List<int>();
            foreach (string table in new[] { $"/proc/{pid}/net/tcp", $"/proc/{pid}/net/tcp6" })
            {
                foreach (string line in File.ReadLines(table).Skip(1))
                {
                    // "0: 0100007F:D6F4 0100007F:1538 01 ... uid timeout inode ..."
                    string[] f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    if (f.Length > 9 && inodes.Contains(f[9])
                        && int.Parse(f[2][(f[2].IndexOf(':') + 1)..], NumberStyles.HexNumber, CultureInfo.InvariantCulture) == serverPort)
                    {
                        ports.Add(int.Parse(f[1][(f[1].IndexOf(':') + 1)..], NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                    }
                }
            }

            return [.. ports];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return []; // the process exited while we looked
        }
    }
}
