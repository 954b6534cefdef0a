using System.Text.Json;
using ActorConcurrency.Actors.Hosting;
using ActorConcurrency.Demonstrations.Lru;
using ActorConcurrency.SharedState.Lru;
using ActorConcurrency.Tests.Support;
using Akka.TestKit.Xunit2;

namespace ActorConcurrency.Tests.Demonstrations.Lru;

/// <summary>Task 13's experiment: every form keeps its invariants under the workload; CLOCK's replay stays near exact LRU's hits.</summary>
public sealed class LruExperimentSpec : TestKit
{
    public LruExperimentSpec()
        : base(HoconConfig.Base)
    {
    }

    [Fact]
    public async Task Every_form_keeps_its_invariants_and_the_replay_compares_clock_with_exact_lru()
    {
        var reports = new List<string>();

        LruResult result = await LruExperiment.RunAsync(new LruSettings(Operations: 2000, Threads: 2), Sys, new SynchronousProgress(reports.Add), CancellationToken.None);

        Assert.True(result.Held, result.Evidence);
        Assert.Equal(["LruCache (one lock)", "ClockLruCache (CLOCK)", "LruActor (Ask)"], result.Forms.Select(f => f.Form));
        Assert.Equal([4000, 4000, 400], result.Forms.Select(f => f.Operations)); // the actor gets a tenth: each operation is an Ask
        Assert.All(result.Forms, f => Assert.True(f.Invariants.Holds && f.Gets > 0 && f.Hits <= f.Gets, f.ToString()));
        Assert.EndsWith("evictions", result.Forms[1].Note);
        Assert.Equal(200_000, result.Replay.Length);
        Assert.Equal(3, reports.Count);
        JsonElement json = ResultJson.Of(result);
        Assert.True(json.GetProperty("forms")[0].GetProperty("invariants").GetProperty("holds").GetBoolean());
    }

    [Fact]
    public void A_broken_invariant_or_a_clock_far_below_exact_lru_fails()
    {
        var fine = new LruResult(1000, 2000, 2, [new("LruCache (one lock)", 10, 9, 4, 0.1, new LruInvariantReport([], 1000, 1000), "")], new LruReplay(10, 0.55, 0.54, 900));

        Assert.True(fine.Held);
        Assert.False((fine with { Forms = [fine.Forms[0] with { Invariants = new LruInvariantReport(["count"], 1001, 1000) }] }).Held);
        Assert.False((fine with { Replay = fine.Replay with { ClockHitRatio = 0.52 } }).Held); // 3 points below
        Assert.Contains("BROKEN count", (fine with { Forms = [fine.Forms[0] with { Invariants = new LruInvariantReport(["count"], 1001, 1000) }] }).Evidence);
    }
}
