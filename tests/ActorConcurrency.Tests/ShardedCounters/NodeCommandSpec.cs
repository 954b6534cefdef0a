using System.Net;
using System.Net.Sockets;
using ActorConcurrency.Host;
using ActorConcurrency.Host.Commands;
using Spectre.Console.Testing;

namespace ActorConcurrency.Tests.ShardedCounters;

/// <summary>The <c>node</c> command's answers to a node that cannot start: one line on stderr, a non-zero exit, no hang.</summary>
public sealed class NodeCommandSpec
{
    private sealed record Run(int ExitCode, string Output, string Error);

    private static async Task<Run> RunHostAsync(params string[] args)
    {
        var output = new TestConsole();
        output.Profile.Width = 200;
        var error = new StringWriter();
        int exit = await Program.RunAsync(args, new HostConsole(output, error));
        return new Run(exit, output.Output, error.ToString());
    }

    private static void AssertOneErrorLine(Run run, int exitCode, string contains)
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

        Run run = await RunHostAsync("node", "--seed", $"127.0.0.1:{port}", "--join-timeout", "2", "--data", data.Path);
        AssertOneErrorLine(run, ExitCodes.NodeStartFailed, "could not join");
    }

    [Fact]
    public async Task A_journal_that_cannot_be_opened_is_reported()
    {
        using var data = new TempDataFolder();
        string notAFolder = Path.Combine(data.Path, "a-file");
        await File.WriteAllTextAsync(notAFolder, "not a folder");

        Run run = await RunHostAsync("node", "--data", notAFolder);
        AssertOneErrorLine(run, ExitCodes.NodeStartFailed, "cannot open the SQLite journal");
    }

    [Fact]
    public async Task A_file_that_is_not_a_database_is_reported()
    {
        using var data = new TempDataFolder();
        await File.WriteAllTextAsync(Path.Combine(data.Path, "counters.db"), new string('x', 4096));

        Run run = await RunHostAsync("node", "--data", data.Path);
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
            Run run = await RunHostAsync("node", "--port", port.ToString(), "--data", data.Path);
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
        Run run = await RunHostAsync("node", "--journal", "postgres", "--connection-string", "Host=127.0.0.1;Port=1;Database=x;Username=x;Password=x");
        AssertOneErrorLine(run, ExitCodes.NodeStartFailed, "cannot open the PostgreSQL journal");
    }

    [Theory]
    [InlineData("node", "--journal", "oracle")]
    [InlineData("node", "--port", "70000")]
    [InlineData("node", "--seed", "not a seed")]
    [InlineData("node", "--journal", "postgres")]
    public async Task Bad_options_exit_2_with_one_line(params string[] args)
    {
        string? saved = Environment.GetEnvironmentVariable(NodeCommand.PostgresEnvironmentVariable);
        Run run;
        try
        {
            Environment.SetEnvironmentVariable(NodeCommand.PostgresEnvironmentVariable, null);
            run = await RunHostAsync(args);
        }
        finally
        {
            Environment.SetEnvironmentVariable(NodeCommand.PostgresEnvironmentVariable, saved);
        }

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
