using ActorConcurrency.Actors.Hosting;
using ActorConcurrency.Demonstrations.Connection;
using ActorConcurrency.Tests.Support;
using Akka.TestKit.Xunit2;

namespace ActorConcurrency.Tests.Demonstrations.Connection;

/// <summary>Task 18's experiments: every form's every log is a legal path, and the FSM keeps its connect deadline.</summary>
public sealed class ConnectionExperimentSpec : TestKit
{
    private static readonly ConnectionSettings Small = new(Runs: 2, Requesters: 2, ConnectTimeoutMilliseconds: 300);

    public ConnectionExperimentSpec()
        : base(HoconConfig.Base)
    {
    }

    [Fact]
    public async Task Every_log_is_a_legal_path_and_the_deadline_is_kept()
    {
        LifecycleRuns lifecycles = await ConnectionLifecycleExperiment.RunAsync(Small, Sys, CancellationToken.None);
        ConnectDeadline deadline = await ConnectDeadlineExperiment.RunAsync(Small, Sys, CancellationToken.None);
        var result = new ConnectionLifecycleResult(lifecycles, deadline);

        Assert.True(result.Held, result.Evidence);
        Assert.Equal(["lock (LockedConnection)", "CAS loop (CasConnection)", "FSM actor (ConnectionFsm)"], lifecycles.Forms.Select(f => f.Label));
        Assert.All(lifecycles.Forms, f => Assert.Equal((2, 2L * 2 * 50, 0), (f.Legal, f.Requests, f.Problems.Count)));
        Assert.Equal([0L, 0L, null], lifecycles.Forms.Select(f => f.InvalidReads)); // the actor's state is read only by message
        Assert.Equal(2, deadline.Rejected);
        Assert.Equal(["Idle → Connecting", "Connecting → Idle"], deadline.Transitions);
        Assert.EndsWith("(deadline kept)", result.Evidence);
        Assert.Equal(570, ResultJson.Of(result).GetProperty("deadline").GetProperty("rearmedMilliseconds").GetDouble(), precision: 6);
    }

    [Fact]
    public void A_postponed_or_missed_deadline_and_an_illegal_log_fail()
    {
        var deadline = new ConnectDeadline(300, TimedOut: true, AfterMilliseconds: 310, Rejected: 2, ["Idle → Connecting", "Connecting → Idle"]);
        var form = new FormLifecycles("lock", "LockedConnection", 2, 200, 10, 190, 5, 2, 0, []);
        var result = new ConnectionLifecycleResult(new LifecycleRuns(2, 2, 50, [form]), deadline);

        Assert.True(result.Held);
        Assert.False((result with { Deadline = deadline with { AfterMilliseconds = 600 } }).Held); // past 1.9 timeouts: re-armed
        Assert.Contains("postponed past 570 ms", (result with { Deadline = deadline with { AfterMilliseconds = 600 } }).Evidence);
        Assert.Equal("connect timeout did not fire", (deadline with { TimedOut = false }).Evidence);
        Assert.False((result with { Lifecycles = new LifecycleRuns(2, 2, 50, [form with { Legal = 1 }]) }).Held);
        Assert.False((result with { Lifecycles = new LifecycleRuns(2, 2, 50, [form with { InvalidReads = 1 }]) }).Held);
    }
}
