using System.Net;
using System.Net.Sockets;
using ActorConcurrency.Host.Commands;
using ActorConcurrency.Tests.Support;

namespace ActorConcurrency.Tests.ShardedCounters;

/// <summary>The <c>node</c> command's answers to a node that cannot start: one line on stderr, a non-zero exit, no hang.</summary>
public sealed class NodeCommandSpec
{
    private static void AssertOneErrorLine(HostRun run, int exitCode, string contains)
    {
        Assert.Equal(exitCode, run.ExitCode);
        Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", run.Error);
        Assert.Contains(contains, run.Error);
    }

    [Fact]
    public async Task An_unreachable_seed_is_reported_after_the_join_timeout()
    {
        // A port that was free a moment ago: nothing listens there.
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        using var data = new TempDataFolder();

        HostRun run = await HostRun.RunAsync("node", "--seed", $"127.0.0.1:{port}", "--join-timeout", "2", "--data", data.Path);
        AssertOneErrorLine(run, ExitCodes.NodeStartFailed, "could not join");
    }

    [Fact]
    public async Task A_journal_that_cannot_be_opened_is_reported()
    {
        using var data = new TempDataFolder();
        string notAFolder = Path.Combine(data.Path, "a-file");
        await File.WriteAllTextAsync(notAFolder, "not a folder");

        HostRun run = await HostRun.RunAsync("node", "--data", notAFolder);
        AssertOneErrorLine(run, ExitCodes.NodeStartFailed, "cannot open the SQLite journal");
    }

    [Fact]
    public async Task A_file_that_is_not_a_database_is_reported()
    {
        using var data = new TempDataFolder();
        await File.WriteAllTextAsync(Path.Combine(data.Path, "counters.db"), new string('x', 4096));

        HostRun run = await HostRun.RunAsync("node", "--data", data.Path);
        AssertOneErrorLine(run, ExitCodes.NodeStartFailed, "cannot open the SQLite journal");
    }

    [Fact]
    public async Task A_port_in_use_is_reported()
    {
        var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        try
        {
            int port = ((IPEndPoint)taken.LocalEndpoint).Port;
            using var data = new TempDataFolder();
            HostRun run = await HostRun.RunAsync("node", "--port", port.ToString(), "--data", data.Path);
            AssertOneErrorLine(run, ExitCodes.NodeStartFailed, "already in use");
        }
        finally
        {
            taken.Stop();
        }
    }

    [Fact]
    public async Task An_unreachable_postgres_server_is_reported()
    {
        HostRun run = await HostRun.RunAsync("node", "--journal", "postgres", "--connection-string", "Host=127.0.0.1;Port=1;Database=x;Username=x;Password=x");
        AssertOneErrorLine(run, ExitCodes.NodeStartFailed, "cannot open the PostgreSQL journal");
    }

    [Theory]
    [InlineData("node", "--journal", "oracle")]
    [InlineData("node", "--port", "70000")]
    [InlineData("node", "--seed", "not a seed")]
    [InlineData("node", "--journal", "postgres")]
    [InlineData("node", "--port", "abc")]
    [InlineData("node", "--load", "2147483648")]
    [InlineData("node", "--load", "1e3")]
    [InlineData("node", "--load", "-1")]
    [InlineData("node", "--join-timeout", "abc")]
    [InlineData("node", "--status-every", "abc")]
    [InlineData("node", "--window", "0")]
    [InlineData("node", "--window", "5000")]
    [InlineData("node", "--ack-timeout", "NaN")]
    [InlineData("node", "--delivery", "twice")]
    [InlineData("node", "--downing", "keep-youngest")]
    public async Task Bad_options_exit_2_with_one_line(params string[] args)
    {
        string? saved = Environment.GetEnvironmentVariable(NodeCommand.PostgresEnvironmentVariable);
        HostRun run;
        try
        {
            Environment.SetEnvironmentVariable(NodeCommand.PostgresEnvironmentVariable, null);
            run = await HostRun.RunAsync(args);
        }
        finally
        {
            Environment.SetEnvironmentVariable(NodeCommand.PostgresEnvironmentVariable, saved);
        }

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        string line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.DoesNotContain("System.", line, StringComparison.Ordinal); // no CLR type name, no stack trace
    }

    [Fact]
    public async Task A_journal_with_overwritten_pages_is_refused_at_start_with_one_line()
    {
        using var data = new TempDataFolder();
        string file = Path.Combine(data.Path, "counters.db");
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={file};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE t(x TEXT); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000) INSERT INTO t SELECT hex(randomblob(100)) FROM n; CREATE INDEX t_x ON t(x);";
            await command.ExecuteNonQueryAsync();
        }

        // Overwrite pages in the middle of the file, as a disk or a stray write would.
        await using (FileStream stream = File.OpenWrite(file))
        {
            stream.Seek(stream.Length / 2, SeekOrigin.Begin);
            await stream.WriteAsync(Enumerable.Repeat((byte)0x5A, 8192).ToArray());
        }

        HostRun run = await HostRun.RunAsync("node", "--data", data.Path);
        AssertOneErrorLine(run, ExitCodes.NodeStartFailed, "corrupt");
    }

    [Fact]
    public async Task A_start_that_fails_leaves_no_empty_journal_behind()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        using var data = new TempDataFolder();

        HostRun run = await HostRun.RunAsync("node", "--seed", $"127.0.0.1:{port}", "--join-timeout", "1", "--data", data.Path);
        Assert.Equal(ExitCodes.NodeStartFailed, run.ExitCode);
        Assert.Empty(Directory.GetFiles(data.Path));
    }
}
