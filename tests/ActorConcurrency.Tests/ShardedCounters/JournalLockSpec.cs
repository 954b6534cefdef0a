using ActorConcurrency.Actors.ShardedCounters;
using Akka.Actor;
using Npgsql;

namespace ActorConcurrency.Tests.ShardedCounters;

/// <summary>
/// Issue 20: a node that stops without dying (kill -STOP) inside a journal transaction must not make the other nodes
/// wait for it. These facts hold the journal the way a frozen node does — a transaction left open on the journal
/// table — and check that a node's journal neither queues DDL behind it nor lets it last.
/// </summary>
public sealed class JournalLockSpec
{
    private static readonly TimeSpan Ask = TimeSpan.FromSeconds(10);

    [Fact]
    public void The_postgres_sessions_bound_every_wait_and_say_which_node_they_belong_to()
    {
        var builder = new NpgsqlConnectionStringBuilder(JournalConnectionStrings.Postgres("Host=db;Database=counters;Username=u"));
        Assert.Equal(
            "-c idle_in_transaction_session_timeout=4000 -c lock_timeout=6000 -c statement_timeout=9000",
            builder.Options);
        Assert.Equal(12, builder.CommandTimeout);
        Assert.Equal($"counters node pid {Environment.ProcessId}", builder.ApplicationName);
    }

    [Fact]
    public void A_setting_the_user_gave_is_kept()
    {
        var builder = new NpgsqlConnectionStringBuilder(JournalConnectionStrings.Postgres(
            "Host=db;Database=counters;Options=-c lock_timeout=1000;Command Timeout=40;Application Name=mine"));
        Assert.Equal("-c lock_timeout=1000 -c idle_in_transaction_session_timeout=4000 -c statement_timeout=9000", builder.Options);
        Assert.Equal((40, "mine"), (builder.CommandTimeout, builder.ApplicationName));
    }

    [PostgresFact]
    public async Task A_node_starts_and_counts_while_another_session_holds_a_write_transaction_open_on_the_journal()
    {
        // The tables exist (a first node made them); then a session opens a write transaction on the journal and sleeps,
        // as a node frozen in the middle of a write does. Before issue 20 every node's journal ran its table DDL when it
        // started, ALTER TABLE journal … included, which waits for that transaction, and queues every other journal
        // access behind it: this node could not even recover its readiness probe.
        string connectionString = PostgresFactAttribute.ConnectionString!;
        await using (ShardedCounterNode first = await ShardedCounterNode.StartAsync(Options(connectionString)))
        {
            await first.ShutdownAsync();
        }

        await using var frozen = new NpgsqlConnection(connectionString);
        await frozen.OpenAsync();
        await using NpgsqlTransaction transaction = await frozen.BeginTransactionAsync();
        await using (var hold = new NpgsqlCommand("LOCK TABLE journal IN ROW EXCLUSIVE MODE", frozen, transaction))
        {
            await hold.ExecuteNonQueryAsync();
        }

        await using ShardedCounterNode node = await ShardedCounterNode.StartAsync(Options(connectionString) with { ReadyTimeout = TimeSpan.FromSeconds(20) });
        string key = $"held-{Guid.NewGuid():N}";
        var added = await node.Region.Ask<ShardedCounterProtocol.Added>(new ShardedCounterProtocol.Add(key, 5), Ask);
        Assert.Equal(5, added.Count);
    }

    [PostgresFact]
    public async Task A_transaction_a_node_leaves_open_is_ended_by_the_server_and_rolls_back()
    {
        // What a frozen node's open write becomes: the server ends the idle session, its uncommitted row is gone, and a
        // write of the same key by another session (a counter's new owner) goes through instead of waiting.
        string connectionString = JournalConnectionStrings.Postgres(PostgresFactAttribute.ConnectionString!);
        string table = $"frozen_{Guid.NewGuid():N}";
        await using var other = new NpgsqlConnection(connectionString);
        await other.OpenAsync();
        await Execute(other, $"CREATE TABLE {table} (k int PRIMARY KEY)");
        try
        {
            await using var frozen = new NpgsqlConnection(connectionString);
            await frozen.OpenAsync();
            await using NpgsqlTransaction transaction = await frozen.BeginTransactionAsync();
            await using (var insert = new NpgsqlCommand($"INSERT INTO {table} VALUES (1)", frozen, transaction))
            {
                await insert.ExecuteNonQueryAsync();
            }

            // The same key from another session waits for the open transaction, until the server ends it.
            await Execute(other, $"INSERT INTO {table} VALUES (1)");
            var ended = await Assert.ThrowsAnyAsync<Exception>(() => transaction.CommitAsync());
            Assert.True(ended is NpgsqlException or InvalidOperationException, ended.ToString());
        }
        finally
        {
            await Execute(other, $"DROP TABLE {table}");
        }
    }

    private static ShardedCounterNodeOptions Options(string connectionString) =>
        new() { Journal = JournalKind.Postgres, ConnectionString = connectionString };

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
