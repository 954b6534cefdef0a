using ActorConcurrency.Actors.ShardedCounters;
using Microsoft.Data.Sqlite;

namespace ActorConcurrency.Tests.ShardedCounters;

/// <summary>
/// Issue 20: who holds SQLite's write lock on a journal, read from <c>/proc/locks</c>, so a node can say which process
/// keeps its writes waiting (a frozen one).
/// </summary>
public sealed class SqliteWriteLockSpec
{
    [Fact]
    public void The_write_lock_is_a_write_lock_on_byte_120_of_the_shared_memory_file()
    {
        string[] locks =
        [
            "6: POSIX  ADVISORY  READ 23455 fe:00:11657883 128 128",
            "7: POSIX  ADVISORY  WRITE 23455 fe:00:11657883 120 120",
            "8: POSIX  ADVISORY  WRITE 777 fe:00:99 120 120",
            "9: -> POSIX  ADVISORY  WRITE 4242 fe:00:11657883 120 120",
            "10: POSIX  ADVISORY  WRITE 5151 fe:00:11657883 121 121",
            "11: FLOCK  ADVISORY  WRITE 6161 fe:00:11657883 0 EOF",
        ];
        Assert.Equal([23455], SqliteWriteLock.HoldersIn(locks, 11657883));
        Assert.Empty(SqliteWriteLock.HoldersIn(locks, 12));
    }

    [Fact]
    public async Task A_connection_inside_a_write_transaction_is_found_holding_the_lock_and_not_after_it()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // /proc/locks is Linux's; elsewhere nobody is ever found
        }

        using var data = new TempDataFolder();
        string file = Path.Combine(data.Path, "lock.db");
        string connectionString = new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString();
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await Execute(connection, "PRAGMA journal_mode=WAL; CREATE TABLE t (x)");
        Assert.Empty(SqliteWriteLock.Holders(file, Environment.ProcessId));

        await using SqliteTransaction transaction = connection.BeginTransaction();
        await Execute(connection, "INSERT INTO t VALUES (1)", transaction);
        Assert.Equal([Environment.ProcessId], SqliteWriteLock.Holders(file, Environment.ProcessId));

        await transaction.CommitAsync();
        Assert.Empty(SqliteWriteLock.Holders(file, Environment.ProcessId));
        Assert.False(SqliteWriteLock.IsStopped(Environment.ProcessId));
    }

    private static async Task Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        await using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        await command.ExecuteNonQueryAsync();
    }
}
