using ActorConcurrency.Actors.Hosting;
using ActorConcurrency.Demonstrations.Singleflight;
using ActorConcurrency.Tests.Support;
using Akka.TestKit.Xunit2;

namespace ActorConcurrency.Tests.Demonstrations.Singleflight;

/// <summary>Task 17's experiment: every form computes once per run and shares the result; every caller gets the leader's failure.</summary>
public sealed class SingleflightExperimentSpec : TestKit
{
    public SingleflightExperimentSpec()
        : base(HoconConfig.Base)
    {
    }

    [Fact]
    public async Task Every_form_computes_once_shares_the_result_and_passes_the_failure_to_every_caller()
    {
        DuplicateSuppressionResult result = await SingleflightExperiment.RunAsync(new SingleflightSettings(Runs: 2, Callers: 20), Sys, CancellationToken.None);

        Assert.True(result.Held, result.Evidence);
        Assert.Equal(["SingleflightGroup (lock + TCS)", "LazySingleflight (Lazy<Task>)", "SingleflightCoordinator (actor)"], result.Forms.Select(f => f.Form));
        Assert.All(result.Forms.SelectMany(f => f.Runs), r => Assert.Equal((1, 20, 1), (r.Computes, r.Shared, r.DistinctValues)));
        Assert.Equal([null, null, 20], result.Forms.Select(f => f.Runs[0].Registered)); // only the actor reports its waiters
        Assert.All(result.Forms, f => Assert.Equal(["InvalidOperationException", "OperationCanceledException"], f.Failures.Select(x => x.Thrown)));
        Assert.Equal([0, 20], result.Forms[0].Failures.Select(x => x.Canceled));
        Assert.Equal(2, ResultJson.Of(result).GetProperty("forms")[2].GetProperty("runs").GetArrayLength());
    }

    [Fact]
    public void A_lone_caller_shares_nothing_and_a_second_compute_fails()
    {
        var lone = new DuplicateSuppressionResult(1, 1, [new SingleflightForm("group", [new FlightRun(1, 0, 1, null, 10)], [])]);

        Assert.Equal(0, lone.ExpectedShared);
        Assert.True(lone.Held);
        Assert.False((lone with { Forms = [new SingleflightForm("group", [new FlightRun(2, 0, 1, null, 10)], [])] }).Held);
        Assert.False(new FlightFailure("OperationCanceledException", 5, 1, 5, Canceled: 0, ExpectedCanceled: 5).Held);
    }
}
