using ActorConcurrency.Host;
using ActorConcurrency.Host.Commands;
using Spectre.Console;

namespace ActorConcurrency.Tests.Chaos;

/// <summary>The <c>chaos</c> command's answer to bad input: one line on standard error and exit 2, before any node starts.</summary>
public sealed class ChaosCommandSpec
{
    [Theory]
    [InlineData("--kills", "0")]
    [InlineData("--kills", "abc")]
    [InlineData("--load", "1e3")]
    [InlineData("--load", "2147483648000")]
    [InlineData("--seconds", "abc")]
    [InlineData("--journal", "oracle")]
    [InlineData("--delivery", "twice")]
    [InlineData("--scenarios", "no-such-scenario")]
    [InlineData("--fault-seconds", "never")]
    [InlineData("--fault-seconds", "0")]
    public async Task Bad_input_is_one_error_line_and_exit_2(string option, string value)
    {
        var error = new StringWriter();
        IAnsiConsole output = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(new StringWriter()) });
        int exit = await Program.RunAsync(["chaos", option, value], new HostConsole(output, error));

        Assert.Equal(ExitCodes.BadInput, exit);
        string line = Assert.Single(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"error: {option}", line);
    }

    [Theory]
    [InlineData("forever")]
    [InlineData("60")]
    public async Task A_fault_length_in_seconds_or_forever_is_accepted(string length)
    {
        // The run is refused later for its blank connection string: the length itself parsed.
        var error = new StringWriter();
        IAnsiConsole output = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(new StringWriter()) });
        int exit = await Program.RunAsync(["chaos", "--fault-seconds", length, "--journal", "postgres", "--connection-string", " "], new HostConsole(output, error));

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("needs --connection-string", error.ToString());
    }

    [Fact]
    public async Task A_postgres_run_without_a_connection_string_is_refused()
    {
        var error = new StringWriter();
        IAnsiConsole output = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(new StringWriter()) });
        int exit = await Program.RunAsync(["chaos", "--journal", "postgres", "--connection-string", " "], new HostConsole(output, error));

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("needs --connection-string", error.ToString());
    }
}
