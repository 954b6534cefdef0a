using ActorConcurrency.Actors.Hosting;
using ActorConcurrency.Demonstrations.Profiling;
using ActorConcurrency.SharedState.Profiling;
using ActorConcurrency.Tests.Support;
using Akka.TestKit.Xunit2;

namespace ActorConcurrency.Tests.Demonstrations.Profiling;

/// <summary>Task 16's experiment: each pool records every job under the profiler, which names the stats lock and the work channel's lock.</summary>
[Collection(RuntimeEventsCollection.Name)]
public sealed class MutexProfileExperimentSpec : TestKit
{
    private static readonly MutexProfileSettings Short = new(Seconds: 0.2, Workers: 2);

    public MutexProfileExperimentSpec()
        : base(HoconConfig.Base)
    {
    }

    [Fact]
    public async Task Every_pool_records_every_job_and_the_record_compares_the_two_profiles()
    {
        PoolProfile shared = await MutexProfileExperiment.ProfilePoolAsync(Short, StatsMode.SharedLock, CancellationToken.None);
        PoolProfile perWorker = await MutexProfileExperiment.ProfilePoolAsync(Short, StatsMode.PerWorker, CancellationToken.None);
        PoolProfile actors = await MutexProfileExperiment.ProfileActorPoolAsync(Short, Sys, CancellationToken.None);
        var result = new MutexProfileResult(Short.Workers, Short.Seconds, shared, perWorker, actors);

        Assert.True(result.Held, result.Evidence);
        Assert.All(new[] { shared, perWorker, actors }, p => Assert.True(p.Submitted > 0 && p.AllRecorded && p.JobsPerSecond > 0, p.ToString()));
        Assert.NotNull(shared.LockName);
        Assert.NotEqual(shared.LockName, perWorker.LockName); // per job, then merged per worker
        Assert.Null(actors.LockName);
        Assert.StartsWith("The refactor ", result.Conclusion);
        Assert.StartsWith("all locks: ", result.Evidence);
        Assert.True(ResultJson.Of(result).GetProperty("shared").GetProperty("report").TryGetProperty("locks", out _));
    }

    [Fact]
    public void A_pool_that_lost_a_job_fails_and_bad_settings_are_refused()
    {
        var report = new ContentionReport([], 0, TimeSpan.FromSeconds(1), true);
        var pool = new PoolProfile("stats", report, 10, 10, 10);
        var result = new MutexProfileResult(2, 1, pool, pool with { LockName = "merge" }, pool with { LockName = null });

        Assert.True(result.Held);
        Assert.False((result with { Actors = pool with { Recorded = 9 } }).Held);
        Assert.Equal("Seconds", Assert.Throws<ArgumentOutOfRangeException>(() => new MutexProfileSettings(0, 2).Validate()).ParamName);
    }
}
