using ActorConcurrency.SharedState.Maps;
using ActorConcurrency.Tests.Support;

namespace ActorConcurrency.Tests.Maps;

/// <summary>Task 8: the sharded map is a map, its atomic update is atomic across threads, and bad sizes are refused.</summary>
public sealed class ShardedDictionarySpec
{
    [Fact]
    public void Sets_reads_and_removes_like_a_dictionary()
    {
        var map = new ShardedDictionary<string, int>();
        map.Set("a", 1);
        map.Set("b", 2);
        map.Set("a", 3);

        Assert.True(map.TryGetValue("a", out int a));
        Assert.Equal(3, a);
        Assert.Equal(2, map.Count);
        Assert.True(map.TryRemove("b", out int b));
        Assert.Equal(2, b);
        Assert.False(map.TryGetValue("b", out _));
        Assert.False(map.TryRemove("b", out _));
        Assert.Equal(16, map.ShardCount);
    }

    [Fact]
    public void Concurrent_AddOrUpdate_on_shared_keys_loses_no_increment()
    {
        var map = new ShardedDictionary<int, int>();
        const int Threads = 4;
        const int Keys = 64;
        int rounds = 200 * Math.Max(1, StressConfig.Repetitions / 50);
        using var start = new Barrier(Threads);
        var threads = Enumerable.Range(0, Threads).Select(_ => new Thread(() =>
        {
            start.SignalAndWait();
            for (int r = 0; r < rounds; r++)
            {
                for (int key = 0; key < Keys; key++)
                {
                    map.AddOrUpdate(key, 1, (_, v) => v + 1);
                }
            }
        })).ToArray();
        foreach (Thread t in threads)
        {
            t.Start();
        }

        foreach (Thread t in threads)
        {
            t.Join();
        }

        Assert.Equal(Keys, map.Count);
        Assert.All(Enumerable.Range(0, Keys), key =>
        {
            Assert.True(map.TryGetValue(key, out int count));
            Assert.Equal(Threads * rounds, count);
        });
    }

    [Fact]
    public void Both_workloads_keep_every_key_in_both_maps()
    {
        foreach (MapWorkload workload in MapWorkload.All)
        {
            var sharded = new ShardedDictionary<int, int>();
            var concurrent = new System.Collections.Concurrent.ConcurrentDictionary<int, int>();
            MapWorkload.Fill(sharded);
            MapWorkload.Fill(concurrent);
            int shardedHits = workload.Run(sharded, 0, 10_000);
            int concurrentHits = workload.Run(concurrent, 0, 10_000);
            Assert.Equal(concurrentHits, shardedHits);
            Assert.Equal(10_000 * (100 - workload.WritePercent) / 100, shardedHits);
            Assert.Equal(MapWorkload.KeySpace, sharded.Count);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void A_shard_count_below_one_is_refused_with_the_parameter_name(int shards)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new ShardedDictionary<int, int>(shards));
        Assert.Equal("shardCount", error.ParamName);
    }
}
