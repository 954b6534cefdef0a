using ActorConcurrency.Actors.ShardedCounters;

namespace ActorConcurrency.Tests.ShardedCounters;

/// <summary>
/// The check a node makes on its journal before its actor system starts: what it finds (how to reach the journal, which
/// HOCON file, how to name it, whether the tables are there) and the one-line error for each journal it cannot use.
/// </summary>
public sealed class JournalPreflightSpec
{
    [Fact]
    public async Task A_new_sqlite_folder_is_a_journal_without_tables_named_by_its_file()
    {
        using var data = new TempDataFolder();
        string file = Path.Combine(data.Path, "counters.db");

        JournalPlan plan = await JournalPreflight.OpenAsync(new ShardedCounterNodeOptions { DataFolder = data.Path }, CancellationToken.None);

        Assert.Equal(
            new JournalPlan($"Data Source={file};Default Timeout=60;Pooling=True", "persistence-sqlite.conf", file, TablesExist: false, file),
            plan);
    }

    [Fact]
    public async Task A_sqlite_journal_a_node_has_used_has_its_tables()
    {
        using var data = new TempDataFolder();
        var options = new ShardedCounterNodeOptions { DataFolder = data.Path };
        await using (ShardedCounterNode node = await ShardedCounterNode.StartAsync(options))
        {
            await node.ShutdownAsync();
        }

        JournalPlan plan = await JournalPreflight.OpenAsync(options, CancellationToken.None);

        Assert.True(plan.TablesExist);
    }

    [Fact]
    public async Task The_in_memory_journal_needs_nothing_opened()
    {
        JournalPlan plan = await JournalPreflight.OpenAsync(new ShardedCounterNodeOptions { Journal = JournalKind.InMemory }, CancellationToken.None);

        Assert.Equal(new JournalPlan(null, "persistence-inmem.conf", "in memory (nothing survives the node)", TablesExist: true), plan);
    }

    [PostgresFact]
    public async Task A_postgres_journal_is_named_by_server_and_database_without_its_password()
    {
        var given = new Npgsql.NpgsqlConnectionStringBuilder(PostgresFactAttribute.ConnectionString!);
        var options = new ShardedCounterNodeOptions { Journal = JournalKind.Postgres, ConnectionString = given.ConnectionString };

        JournalPlan plan = await JournalPreflight.OpenAsync(options, CancellationToken.None);

        Assert.Equal(JournalConnectionStrings.Postgres(given.ConnectionString), plan.ConnectionString);
        Assert.Equal("persistence-postgres.conf", plan.HoconFile);
        Assert.Equal($"postgresql://{given.Host}:{given.Port}/{given.Database}", plan.Description);
        Assert.Null(plan.SqliteFile);
    }

    [Fact]
    public async Task Sqlite_without_a_data_folder_is_refused()
    {
        var error = await Assert.ThrowsAsync<NodeStartException>(() => ShardedCounterNode.StartAsync(new ShardedCounterNodeOptions()));

        Assert.Equal((NodeStartFailure.JournalUnavailable, "the SQLite journal needs a data folder"), (error.Failure, error.Message));
    }

    [Fact]
    public async Task Postgres_without_a_connection_string_is_refused()
    {
        var error = await Assert.ThrowsAsync<NodeStartException>(() => ShardedCounterNode.StartAsync(new ShardedCounterNodeOptions { Journal = JournalKind.Postgres }));

        Assert.Equal((NodeStartFailure.JournalUnavailable, "the PostgreSQL journal needs a connection string"), (error.Failure, error.Message));
    }

    [Fact]
    public async Task A_postgres_connection_string_npgsql_cannot_read_is_refused_with_its_reason_on_one_line()
    {
        var error = await Assert.ThrowsAsync<NodeStartException>(() => ShardedCounterNode.StartAsync(
            new ShardedCounterNodeOptions { Journal = JournalKind.Postgres, ConnectionString = "Host=db;Flavour=vanilla" }));

        Assert.Equal(NodeStartFailure.JournalUnavailable, error.Failure);
        Assert.StartsWith("bad PostgreSQL connection string: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("flavour", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public async Task An_unreachable_postgres_server_is_refused_naming_where_it_was_looked_for()
    {
        var error = await Assert.ThrowsAsync<NodeStartException>(() => ShardedCounterNode.StartAsync(
            new ShardedCounterNodeOptions { Journal = JournalKind.Postgres, ConnectionString = "Host=127.0.0.1;Port=1;Database=x;Username=x;Password=x" }));

        Assert.Equal(NodeStartFailure.JournalUnavailable, error.Failure);
        Assert.StartsWith("cannot open the PostgreSQL journal 127.0.0.1:1/x: ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Password", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_file_that_is_not_a_database_is_refused_and_left_as_it_was()
    {
        using var data = new TempDataFolder();
        string file = Path.Combine(data.Path, "counters.db");
        await File.WriteAllTextAsync(file, new string('x', 4096));

        var error = await Assert.ThrowsAsync<NodeStartException>(() => ShardedCounterNode.StartAsync(new ShardedCounterNodeOptions { DataFolder = data.Path }));

        Assert.Equal((NodeStartFailure.JournalUnavailable, $"cannot open the SQLite journal {file}: it is corrupt or not a database"), (error.Failure, error.Message));
        Assert.Equal(new string('x', 4096), await File.ReadAllTextAsync(file));
    }
}
