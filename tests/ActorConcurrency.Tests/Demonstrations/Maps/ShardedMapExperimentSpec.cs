using ActorConcurrency.Demonstrations.Maps;

namespace ActorConcurrency.Tests.Demonstrations.Maps;

/// <summary>Task 8's experiment: both maps timed for each workload and thread count, both still whole afterwards.</summary>
public sealed class ShardedMapExperimentSpec
{
    [Fact]
    public void Both_maps_are_timed_for_each_workload_and_stay_whole()
    {
        ShardedMapResult result = ShardedMapExperiment.Run(CancellationToken.None);

        Assert.True(result.Held, result.Evidence);
        Assert.Equal(["read-heavy", "write-heavy"], result.Rows.Select(r => r.Workload).Distinct());
        Assert.All(result.Rows, r => Assert.Equal(r.ShardedNs / r.ConcurrentNs, r.Ratio));
        Assert.StartsWith($"sharded time / ConcurrentDictionary time at {result.MostThreads} threads", result.Evidence);
    }
}
