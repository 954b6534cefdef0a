using ActorConcurrency.SharedState.Caches;
using ActorConcurrency.Tests.Support;

namespace ActorConcurrency.Tests.Caches;

/// <summary>Task 7: the three lock forms of the cache behave as one map, alone and under concurrent writers.</summary>
public sealed class CacheLockSpec
{
    public static TheoryData<string> Forms => ["Monitor", "Lock", "ReaderWriterLockSlim"];

    private static ICache<int, int> Create(string form) => form switch
    {
        "Monitor" => new MonitorCache<int, int>(),
        "Lock" => new ThreadingLockCache<int, int>(),
        _ => new ReaderWriterLockCache<int, int>(),
    };

    [Theory]
    [MemberData(nameof(Forms))]
    public void Reads_what_was_written_and_misses_what_was_not(string form)
    {
        var cache = Create(form);
        cache.Set(1, 10);
        cache.Set(1, 11);

        Assert.True(cache.TryGet(1, out int value));
        Assert.Equal(11, value);
        Assert.False(cache.TryGet(2, out _));
        Assert.Equal(1, cache.Count);
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public void Concurrent_writers_on_disjoint_keys_lose_no_key(string form)
    {
        // Dictionary corrupts (lost keys, broken buckets, even endless loops) under an unguarded concurrent
        // resize; each writer adds its own keys, so every key must be there at the end.
        var cache = Create(form);
        int perWriter = 1000 * Math.Max(1, StressConfig.Repetitions / 50);
        const int Writers = 4;
        using var start = new Barrier(Writers);
        var threads = Enumerable.Range(0, Writers).Select(w => new Thread(() =>
        {
            start.SignalAndWait();
            for (int i = 0; i < perWriter; i++)
            {
                cache.Set(w * perWriter + i, i);
                cache.TryGet(i, out _);
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

        Assert.Equal(Writers * perWriter, cache.Count);
        Assert.All(Enumerable.Range(0, Writers * perWriter), key => Assert.True(cache.TryGet(key, out _)));
    }

    [Fact]
    public void Every_workload_mix_reads_hits_on_a_filled_cache()
    {
        foreach (CacheWorkload workload in CacheWorkload.All)
        {
            var cache = new MonitorCache<int, int>();
            CacheWorkload.Fill(cache);
            int hits = workload.Run(cache, worker: 0, operations: 1000);
            int writes = workload.WriteEvery == 0 ? 0 : (1000 + workload.WriteEvery - 1) / workload.WriteEvery;
            Assert.Equal(1000 - writes, hits);
            Assert.Equal(CacheWorkload.KeySpace, cache.Count);
        }
    }

    [Fact]
    public void An_unknown_workload_is_an_argument_error_naming_the_parameter()
    {
        var error = Assert.Throws<ArgumentException>(() => CacheWorkload.Parse("80/20"));
        Assert.Equal("name", error.ParamName);
    }
}
