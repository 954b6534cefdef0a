using ActorConcurrency.SharedState.Lru;
using ActorConcurrency.Tests.Support;

namespace ActorConcurrency.Tests.Lru;

/// <summary>Task 13: the LRU semantics every shared-memory form has (the lock form and the CLOCK form).</summary>
public sealed class LruCacheSpec
{
    public static TheoryData<string> Forms => LruForms.Names;

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void A_capacity_below_one_is_rejected(int capacity)
    {
        Assert.Equal("capacity", Assert.Throws<ArgumentOutOfRangeException>(() => new LruCache<int, int>(capacity)).ParamName);
        Assert.Equal("capacity", Assert.Throws<ArgumentOutOfRangeException>(() => new ClockLruCache<int, int>(capacity)).ParamName);
        Assert.Equal("capacity", Assert.Throws<ArgumentOutOfRangeException>(() => new SingleOwnerLru<int, int>(capacity)).ParamName);
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public void A_null_key_is_rejected_by_every_operation(string form)
    {
        ILruCache<string, int> cache = LruForms.CreateWithStringKeys(form, 2);
        Assert.Equal("key", Assert.Throws<ArgumentNullException>(() => cache.TryGet(null!, out _)).ParamName);
        Assert.Equal("key", Assert.Throws<ArgumentNullException>(() => cache.Set(null!, 1)).ParamName);
        Assert.Equal("key", Assert.Throws<ArgumentNullException>(() => cache.Remove(null!)).ParamName);
        Assert.Equal(0, cache.Count);
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public void The_least_recently_used_entry_is_evicted_on_overflow(string form)
    {
        ILruCache<int, int> cache = LruForms.Create(form, 2);
        cache.Set(1, 10);
        cache.Set(2, 20);
        cache.Set(3, 30);

        Assert.False(cache.TryGet(1, out _));
        Assert.True(cache.TryGet(2, out int two));
        Assert.Equal(20, two);
        Assert.Equal(2, cache.Count);
        Assert.Equal(2, cache.Capacity);
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public void A_hit_makes_the_entry_most_recently_used_so_the_other_is_evicted(string form)
    {
        ILruCache<int, int> cache = LruForms.Create(form, 2);
        cache.Set(1, 10);
        cache.Set(2, 20);
        Assert.True(cache.TryGet(1, out _));
        Assert.Equal([2, 1], cache.Keys());

        cache.Set(3, 30);
        Assert.Equal([1, 3], cache.Keys());
        Assert.False(cache.TryGet(2, out _));
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public void Setting_an_existing_key_updates_it_in_place_without_evicting(string form)
    {
        ILruCache<int, int> cache = LruForms.Create(form, 2);
        cache.Set(1, 10);
        cache.Set(2, 20);
        Assert.False(cache.Set(1, 11));

        Assert.Equal([2, 1], cache.Keys());
        Assert.True(cache.TryGet(1, out int one));
        Assert.Equal(11, one);
        Assert.Equal(2, cache.Count);
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public void Remove_reports_whether_the_key_was_cached(string form)
    {
        ILruCache<int, int> cache = LruForms.Create(form, 3);
        cache.Set(1, 10);
        Assert.True(cache.Remove(1));
        Assert.False(cache.Remove(1));
        Assert.False(cache.TryGet(1, out _));
        Assert.Equal(0, cache.Count);
        Assert.True(cache.CheckInvariants().Holds);
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public void A_capacity_of_one_keeps_only_the_last_key(string form)
    {
        ILruCache<int, int> cache = LruForms.Create(form, 1);
        for (int i = 0; i < 10; i++)
        {
            cache.Set(i, i);
        }

        Assert.Equal([9], cache.Keys());
        Assert.True(cache.CheckInvariants().Holds);
    }

    /// <summary>
    /// Concurrent get/set/remove over a key space larger than the capacity, released together by a barrier;
    /// afterwards every invariant holds and every value read was one some thread wrote for that key.
    /// </summary>
    [Theory]
    [MemberData(nameof(Forms))]
    public async Task Concurrent_operations_keep_every_invariant(string form)
    {
        const int capacity = 64;
        const int threads = 4;
        int operations = StressConfig.Repetitions * 400;
        ILruCache<int, int> cache = LruForms.Create(form, capacity);
        int wrongValues = 0;
        using var start = new Barrier(threads);
        var workers = Enumerable.Range(0, threads).Select(seed => Task.Factory.StartNew(
            () =>
            {
                var random = new Random(seed);
                start.SignalAndWait();
                for (int i = 0; i < operations; i++)
                {
                    int key = random.Next(4 * capacity);
                    switch (random.Next(10))
                    {
                        case 0:
                            cache.Remove(key);
                            break;
                        case < 3:
                            cache.Set(key, key * 1000 + random.Next(1000)); // every value of a key encodes the key
                            break;
                        default:
                            if (cache.TryGet(key, out int value) && value / 1000 != key)
                            {
                                Interlocked.Increment(ref wrongValues);
                            }

                            break;
                    }
                }
            },
            TaskCreationOptions.LongRunning)).ToArray();
        await Task.WhenAll(workers);

        LruInvariantReport report = cache.CheckInvariants();
        Assert.True(report.Holds, report.ToString());
        Assert.InRange(cache.Count, 0, capacity);
        Assert.Equal(0, wrongValues);
    }
}
