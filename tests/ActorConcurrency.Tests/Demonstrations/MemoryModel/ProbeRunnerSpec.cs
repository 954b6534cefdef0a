using ActorConcurrency.Demonstrations.MemoryModel;
using ActorConcurrency.Host.Commands;
using ActorConcurrency.Tests.Support;

namespace ActorConcurrency.Tests.Demonstrations.MemoryModel;

/// <summary>
/// Task 11's probes in child processes of the host (<c>probe &lt;name&gt;</c>): the Volatile forms stop and publish 42,
/// a child that never finishes is reported as hung and killed. What the plain forms do is up to the JIT and the CPU,
/// so no spec asserts it — only that the runner reports it without failing.
/// </summary>
public sealed class ProbeRunnerSpec
{
    /// <summary>Long, because only a guaranteed-to-stop probe is given it: a hang would be the bug.</summary>
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task The_volatile_stop_flag_probe_terminates_in_a_child_process_and_reports_its_environment()
    {
        ProbeReport report = await ProbeRunner.RunAsync(ProbeCommand.HostAssembly, MemoryModelProbes.StopVolatile, Generous, CancellationToken.None);
        Assert.Equal(ProbeOutcome.Terminated, report.Outcome);
        Assert.True(long.Parse(report.Result["iterations"]) >= 0);
        Assert.Contains("runtime", report.Environment.Keys);
        Assert.Contains("architecture", report.Environment.Keys);
        Assert.Contains("tiered-compilation", report.Environment.Keys);
    }

    [Fact]
    public async Task The_volatile_publication_probe_prints_42_in_a_child_process()
    {
        ProbeReport report = await ProbeRunner.RunAsync(ProbeCommand.HostAssembly, MemoryModelProbes.PublishVolatile, Generous, CancellationToken.None);
        Assert.Equal(ProbeOutcome.Terminated, report.Outcome);
        Assert.Equal("42", report.Result["value"]);
    }

    [Fact]
    public async Task The_volatile_ordering_probe_counts_no_stale_read_in_a_child_process()
    {
        ProbeReport report = await ProbeRunner.RunAsync(ProbeCommand.HostAssembly, MemoryModelProbes.OrderVolatile, Generous, CancellationToken.None);
        Assert.Equal(ProbeOutcome.Terminated, report.Outcome);
        Assert.Equal("0", report.Result["stale"]);
    }

    [Fact]
    public async Task A_probe_that_never_finishes_is_reported_as_hung_and_killed()
    {
        ProbeReport report = await ProbeRunner.RunAsync(ProbeCommand.HostAssembly, MemoryModelProbes.Block, TimeSpan.FromMilliseconds(200), CancellationToken.None);
        Assert.Equal(ProbeOutcome.Hung, report.Outcome);
        Assert.Empty(report.Result);
    }

    [Fact]
    public async Task The_plain_stop_flag_probe_is_reported_as_terminated_or_hung_never_failed()
    {
        ProbeReport report = await ProbeRunner.RunAsync(ProbeCommand.HostAssembly, MemoryModelProbes.StopPlain, TimeSpan.FromMilliseconds(300), CancellationToken.None);
        Assert.NotEqual(ProbeOutcome.Failed, report.Outcome);
    }

    [Fact]
    public async Task An_unknown_probe_is_rejected()
    {
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => ProbeRunner.RunAsync(ProbeCommand.HostAssembly, "nonsense", Generous, CancellationToken.None));
        Assert.Equal("probe", ex.ParamName);

        HostRun run = await HostRun.RunAsync("probe", "nonsense");
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: unknown probe", run.Error);
    }
}
