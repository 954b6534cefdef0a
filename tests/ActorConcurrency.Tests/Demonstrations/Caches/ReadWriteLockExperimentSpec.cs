using ActorConcurrency.Demonstrations;
using ActorConcurrency.Demonstrations.Caches;
using ActorConcurrency.Tests.Support;

namespace ActorConcurrency.Tests.Demonstrations.Caches;

/// <summary>Task 7's experiment: every lock, workload and thread count timed, every cache consistent; the timings decide nothing.</summary>
public sealed class ReadWriteLockExperimentSpec
{
    [Fact]
    public void Every_workload_is_timed_at_1_thread_and_every_core_and_every_cache_stays_whole()
    {
        ReadWriteLockResult result = ReadWriteLockExperiment.Run(CancellationToken.None);

        Assert.True(result.Held, result.Evidence);
        Assert.Equal(Environment.ProcessorCount, result.MostThreads);
        Assert.Equal(4 * QuickMeasurement.ThreadCounts.Count, result.Rows.Count);
        Assert.All(result.Rows, r => Assert.True(r.MonitorNs > 0 && r.ThreadingLockNs > 0 && r.ReaderWriterNs > 0, r.ToString()));
        Assert.Contains(QuickMeasurement.Qualifier, result.Evidence);
        Assert.Equal(4, ResultJson.Of(result).GetProperty("rows").EnumerateArray().Count(r => r.GetProperty("threads").GetInt32() == result.MostThreads));
    }

    [Fact]
    public void The_evidence_gives_the_ratio_at_the_most_threads_and_a_cache_that_lost_a_key_fails()
    {
        var result = new ReadWriteLockResult(2, [new("read-only", 1, 10, 10, 5), new("read-only", 2, 10, 10, 20)], Consistent: true);

        Assert.EndsWith("read-only: 2.00x", result.Evidence);
        Assert.False((result with { Consistent = false }).Held);
    }
}
