using ActorConcurrency.SharedState.Profiling;

namespace ActorConcurrency.Tests.Profiling;

/// <summary>Task 16: both worker pools record every job exactly once; the refactor changes where, not what.</summary>
public sealed class WorkerPoolSpec
{
    [Theory]
    [InlineData(StatsMode.SharedLock, 1)]
    [InlineData(StatsMode.SharedLock, 4)]
    [InlineData(StatsMode.PerWorker, 4)]
    public async Task Every_submitted_job_is_recorded_once(StatsMode mode, int workers)
    {
        var pool = new WorkerPool(workers, mode);
        WorkerPoolResult result = await pool.RunAsync(TimeSpan.FromMilliseconds(100));

        Assert.True(result.Submitted > 0);
        Assert.Equal(result.Submitted, result.Stats.Jobs);
        Assert.Equal(result.Submitted, result.Stats.PerKind.Values.Sum());
    }

    [Fact]
    public void Merging_per_worker_stats_gives_the_stats_of_recording_everything_in_one()
    {
        var one = new JobStats();
        var left = new JobStats();
        var right = new JobStats();
        for (int i = 0; i < 100; i++)
        {
            one.Record(i % JobWork.Kinds, i);
            (i % 3 == 0 ? left : right).Record(i % JobWork.Kinds, i);
        }

        left.Merge(right);
        Assert.Equal(one.Jobs, left.Jobs);
        Assert.Equal(one.TotalTicks, left.TotalTicks);
        Assert.Equal(one.MaxTicks, left.MaxTicks);
        Assert.Equal(one.PerKind.OrderBy(p => p.Key), left.PerKind.OrderBy(p => p.Key));
    }

    [Fact]
    public void Bad_arguments_are_refused_with_their_names()
    {
        Assert.Equal("workers", Assert.Throws<ArgumentOutOfRangeException>(() => new WorkerPool(0, StatsMode.SharedLock)).ParamName);
        Assert.Equal("latencyTicks", Assert.Throws<ArgumentOutOfRangeException>(() => new JobStats().Record(0, -1)).ParamName);
    }
}
