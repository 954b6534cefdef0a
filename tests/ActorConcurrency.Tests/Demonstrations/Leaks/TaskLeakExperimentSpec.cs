using System.Text.Json;
using ActorConcurrency.Actors.Hosting;
using ActorConcurrency.Demonstrations.Leaks;
using ActorConcurrency.RaceDetector.Leaks;
using ActorConcurrency.Tests.Support;
using Akka.TestKit.Xunit2;

namespace ActorConcurrency.Tests.Demonstrations.Leaks;

/// <summary>Task 9's experiment: only the leaking fetch leaks, named with where it started; the late Ask reply is one dead letter.</summary>
[Collection(RuntimeEventsCollection.Name)]
public sealed class TaskLeakExperimentSpec : TestKit
{
    public TaskLeakExperimentSpec()
        : base(HoconConfig.Base)
    {
    }

    [Fact]
    public async Task Only_the_leaking_fetch_leaks_and_the_late_reply_is_one_dead_letter()
    {
        // A generous grace: under a loaded run the fixed fetches may need more than the default 200 ms to wind down.
        TaskLeakResult result = await TaskLeakExperiment.RunAsync(graceMilliseconds: 3000, Sys, CancellationToken.None);

        Assert.True(result.Held, result.Evidence);
        Assert.Equal(["timed out after 50 ms"], result.Forms.Select(f => f.CallerSaw).Distinct());
        LeakedTask worker = Assert.Single(result.Leaking.Leaks, l => l.Operation == "async method WorkAsync");
        Assert.Contains(result.Leaking.Leaks, l => l.StartedAt.StartsWith("LeakingFetch.FetchAsync in LeakingFetch.cs", StringComparison.Ordinal));
        Assert.Contains($"leaking fetch: {result.Leaking.Leaks.Count} leaked (async method WorkAsync at {worker.StartedAt})", result.Evidence);
        Assert.Equal(("AskTimeoutException", 1, false), (result.Ask.Outcome, result.Ask.DeadLetters, result.Ask.AskActorAlive));
        Assert.StartsWith("Reply { Id = 1 }", result.Ask.Letter);

        JsonElement json = ResultJson.Of(result);
        Assert.Equal(result.Leaking.Leaks.Count, json.GetProperty("forms")[0].GetProperty("report").GetProperty("leaks").GetArrayLength());
    }

    [Fact]
    public void A_fixed_fetch_that_leaked_or_an_ask_actor_left_behind_fails()
    {
        var leak = new LeakedTask(2, "async method WorkAsync", "waiting", "LeakingFetch.FetchAsync in LeakingFetch.cs:line 27", []);
        var leaked = new LeakReport(3, 1, TimeSpan.FromMilliseconds(200), [leak]);
        var clean = new LeakReport(2, 2, TimeSpan.FromMilliseconds(200), []);
        var ask = new LateAskReply(100, "AskTimeoutException", 1, "Reply", "akka://tour/temp/a", AskActorAlive: false);
        var result = new TaskLeakResult(50, 200, [new("leaking", "timed out", leaked), new("buffered", "timed out", clean)], clean, ask);

        Assert.True(result.Held);
        Assert.False((result with { Forms = [result.Forms[0], result.Forms[1] with { Report = leaked }] }).Held);
        Assert.False((result with { Forms = [result.Forms[1], result.Forms[1]] }).Held); // the leaking fetch must leak
        Assert.False((result with { Ask = ask with { AskActorAlive = true } }).Held);
    }
}
