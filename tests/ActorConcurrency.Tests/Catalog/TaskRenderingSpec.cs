using ActorConcurrency.Host.Commands;
using ActorConcurrency.Tests.Support;

namespace ActorConcurrency.Tests.Catalog;

/// <summary>
/// The host's part of each task whose experiment lives in src/Demonstrations: it reads the options, runs the experiment
/// with small settings and renders the record (a markup mistake in a renderer throws, which the tour reports as a failed
/// demonstration). What the experiments measured is asserted on their records, in Demonstrations/. In the runtime-events
/// collection because task 9's leak check and task 16's profiler listen to the runtime's events.
/// </summary>
[Collection(RuntimeEventsCollection.Name)]
public sealed class TaskRenderingSpec
{
    public static TheoryData<string[]> SmallRuns => new()
    {
        { ["1", "--runs", "2", "--tasks", "50", "--increments", "10"] },
        { ["2", "--runs", "2", "--tasks", "50"] },
        { ["3", "--runs", "2", "--tasks", "50"] },
        { ["4", "--runs", "2", "--tasks", "50"] },
        { ["5", "--runs", "2", "--threads", "2"] },
        { ["6", "--reloads", "500", "--threads", "3"] },
        { ["7"] },
        { ["8"] },
        { ["9", "--grace-ms", "3000"] }, // generous: under a loaded run the fixed fetches may need more than 200 ms to wind down
        { ["10"] },
        { ["11", "--probe-timeout-ms", "300"] },
        { ["12"] },
        { ["13", "--operations", "2000", "--threads", "2"] },
        { ["14", "--items", "20000", "--capacity", "64"] },
        { ["15", "--iterations", "5"] },
        { ["16", "--seconds", "0.2", "--workers", "2"] },
        { ["17", "--runs", "2", "--callers", "20"] },
        { ["18", "--runs", "2", "--requesters", "2"] },
        { ["19", "--transfer-seconds", "0.2", "--sharded-increments", "2000"] },
        { ["20"] },
    };

    [Theory]
    [MemberData(nameof(SmallRuns))]
    public async Task A_task_renders_its_record_under_its_heading_and_exits_0(string[] args)
    {
        HostRun run = await HostRun.RunAsync(["run", .. args]);

        Assert.True(run.ExitCode == ExitCodes.Ok, run.Describe());
        Assert.True(run.Error.Length == 0, run.Describe());
        Assert.Contains($"Task {args[0]}: ", run.Output);
        Assert.Contains("╭", run.Output);
        Assert.Contains("held", run.Output);
    }
}
