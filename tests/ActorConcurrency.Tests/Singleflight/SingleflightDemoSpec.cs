using ActorConcurrency.Host;
using ActorConcurrency.Host.Commands;
using Spectre.Console.Testing;

namespace ActorConcurrency.Tests.Singleflight;

/// <summary>Task 17's demonstration, run in-process as a user would: it holds and prints what it measured.</summary>
public sealed class SingleflightDemoSpec
{
    [Fact]
    public async Task Run_17_computes_once_per_run_for_every_form()
    {
        var output = new TestConsole();
        output.Profile.Width = 250;
        var error = new StringWriter();

        int exit = await Program.RunAsync(["run", "17", "--runs", "2", "--callers", "20"], new HostConsole(output, error));

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Empty(error.ToString());
        Assert.Contains("computes per run", output.Output);
        Assert.Contains("SingleflightCoordinator", output.Output);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("many")]
    public async Task A_bad_caller_count_is_bad_input(string callers)
    {
        var error = new StringWriter();
        int exit = await Program.RunAsync(["run", "17", "--callers", callers], new HostConsole(new TestConsole(), error));
        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.StartsWith("error: ", error.ToString());
    }
}
