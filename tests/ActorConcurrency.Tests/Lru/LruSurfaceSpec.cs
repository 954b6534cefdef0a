using ActorConcurrency.Actors.Hosting;
using ActorConcurrency.SharedState.Lru;
using Akka.TestKit.Xunit2;

namespace ActorConcurrency.Tests.Lru;

/// <summary>
/// Task 13: each member of the golang-lru / ConcurrentLru surface beyond get/set/remove, with the same
/// meaning on every form (the lock form, the CLOCK form, the owner actor); bad input and the threading
/// guarantees (callbacks outside the lock, GetOrAdd racing) on the shared-memory forms.
/// </summary>
public sealed class LruSurfaceSpec : TestKit
{
    public LruSurfaceSpec()
        : base(HoconConfig.Base)
    {
    }

    public static TheoryData<string> Forms => LruForms.NamesWithActor;

    public static TheoryData<string> SharedForms => LruForms.Names;

    [Theory]
    [MemberData(nameof(Forms))]
    public void Keys_and_values_run_from_the_least_to_the_most_recently_used(string form)
    {
        ILruCache<int, int> lru = LruForms.Create(form, 3, Sys);
        lru.Set(1, 10);
        lru.Set(2, 20);
        lru.Set(3, 30);
        lru.Set(1, 11);

        Assert.Equal([2, 3, 1], lru.Keys());
        Assert.Equal([20, 30, 11], lru.Values());
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public void An_empty_cache_has_no_oldest_entry_to_get_or_remove(string form)
    {
        ILruCache<int, int> lru = LruForms.Create(form, 3, Sys);
        Assert.False(lru.TryGetOldest(out _, out _));
        Assert.False(lru.TryRemoveOldest(out _, out _));
        Assert.Empty(lru.Keys());
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public void Get_oldest_leaves_the_entry_and_its_recency_alone(string form)
    {
        ILruCache<int, int> lru = LruForms.Create(form, 2, Sys);
        lru.Set(1, 10);
        lru.Set(2, 20);
        Assert.True(lru.TryGetOldest(out int key, out int value));
        Assert.Equal((1, 10), (key, value));

        lru.Set(3, 30);
        Assert.Equal([2, 3], lru.Keys());
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public void Try_update_replaces_a_present_value_as_most_recent_and_stores_nothing_for_an_absent_key(string form)
    {
        ILruCache<int, int> lru = LruForms.Create(form, 2, Sys);
        lru.Set(1, 10);
        lru.Set(2, 20);
        Assert.True(lru.TryUpdate(1, 11));
        Assert.Equal([2, 1], lru.Keys());
        Assert.Equal([20, 11], lru.Values());

        Assert.False(lru.TryUpdate(3, 30));
        Assert.False(lru.Contains(3));
        Assert.Equal(2, lru.Count);
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public void Get_or_add_runs_the_factory_only_on_a_miss_and_promotes_on_a_hit(string form)
    {
        ILruCache<int, int> lru = LruForms.Create(form, 2, Sys);
        int calls = 0;
        Assert.Equal(10, lru.GetOrAdd(1, k => ++calls * 10 * k));
        Assert.Equal(1, calls);
        lru.Set(2, 20);
        Assert.Equal(10, lru.GetOrAdd(1, k => ++calls * 10 * k));
        Assert.Equal(1, calls);

        lru.Set(3, 30); // 1 was promoted by the hit (exact) or referenced (CLOCK): 2 goes
        Assert.False(lru.Contains(2));
        Assert.True(lru.Contains(1));
        Assert.Equal(new LruMetrics(Hits: 1, Misses: 1, Evictions: 1), lru.Metrics);
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public async Task Get_or_add_async_awaits_the_factory_only_on_a_miss(string form)
    {
        ILruCache<int, int> lru = LruForms.Create(form, 2, Sys);
        int calls = 0;
        async Task<int> Load(int key)
        {
            await Task.Yield();
            return ++calls * 100 + key;
        }

        Assert.Equal(101, await lru.GetOrAddAsync(1, Load));
        Assert.Equal(101, await lru.GetOrAddAsync(1, Load));
        Assert.Equal(1, calls);
        Assert.True(lru.TryPeek(1, out int stored));
        Assert.Equal(101, stored);
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public void Metrics_count_promoting_lookups_and_capacity_evictions_only(string form)
    {
        ILruCache<int, int> lru = LruForms.Create(form, 2, Sys);
        lru.Set(1, 1);
        lru.Set(2, 2);
        lru.TryGet(1, out _);
        lru.TryGet(9, out _);
        lru.TryPeek(2, out _);
        lru.Contains(2);
        lru.Set(3, 3);        // evicts 2: counted
        lru.Remove(3);        // asked for: not counted
        lru.Set(4, 4);
        lru.Set(5, 5);        // evicts 1: counted
        Assert.Equal(1, lru.Resize(1)); // counted
        lru.Clear();          // asked for: not counted

        LruMetrics metrics = lru.Metrics;
        Assert.Equal(new LruMetrics(Hits: 1, Misses: 1, Evictions: 3), metrics);
        Assert.Equal(0.5, metrics.HitRatio);
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public void Every_way_out_fires_the_callback_with_its_reason_and_an_overwrite_does_not(string form)
    {
        ILruCache<int, int> lru = LruForms.Create(form, 2, Sys);
        var seen = new List<LruEviction<int, int>>();
        lru.Evicted += seen.Add;

        lru.Set(1, 10);
        lru.Set(1, 11);        // overwrite: no callback
        lru.TryUpdate(1, 12);  // overwrite: no callback
        lru.Set(2, 20);
        lru.Remove(1);         // removes 1, with its last value
        lru.Set(3, 30);
        lru.Set(4, 40);        // evicts 2
        lru.TryRemoveOldest(out _, out _); // removes 3
        lru.Set(5, 50);
        lru.Resize(1);         // evicts 4
        lru.ContainsOrAdd(7, 70, out _); // evicts 5
        lru.Clear();           // clears 7

        // The victims are the same in every form: none of them was used after it was inserted (an exact LRU
        // and CLOCK, where an overwrite is a use that keeps the entry in place, would differ otherwise).
        Assert.Equal(
            [
                new(1, 12, LruEvictionReason.Removed),
                new(2, 20, LruEvictionReason.Evicted),
                new(3, 30, LruEvictionReason.Removed),
                new(4, 40, LruEvictionReason.Resized),
                new(5, 50, LruEvictionReason.Evicted),
                new LruEviction<int, int>(7, 70, LruEvictionReason.Cleared),
            ],
            seen);
        Assert.Equal(0, lru.Count);
        Assert.True(lru.CheckInvariants().Holds);
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public void Clear_reports_every_entry_and_leaves_a_usable_cache(string form)
    {
        ILruCache<int, int> lru = LruForms.Create(form, 3, Sys);
        var cleared = new List<int>();
        lru.Evicted += e => cleared.Add(e.Key);
        lru.Set(1, 1);
        lru.Set(2, 2);
        lru.Clear();

        Assert.Equal([1, 2], cleared.Order());
        Assert.Equal(0, lru.Count);
        Assert.Empty(lru.Keys());
        lru.Set(3, 3);
        Assert.Equal([3], lru.Keys());
        Assert.True(lru.CheckInvariants().Holds);
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public void A_capacity_below_one_is_refused_by_resize_and_changes_nothing(string form)
    {
        ILruCache<int, int> lru = LruForms.Create(form, 2, Sys);
        lru.Set(1, 1);
        Assert.Equal("capacity", Assert.Throws<ArgumentOutOfRangeException>(() => lru.Resize(0)).ParamName);
        Assert.Equal(2, lru.Capacity);
        Assert.Equal([1], lru.Keys());
    }

    [Theory]
    [MemberData(nameof(SharedForms))]
    public async Task A_null_key_or_factory_is_rejected_by_every_new_member(string form)
    {
        ILruCache<string, int> lru = LruForms.CreateWithStringKeys(form, 2);
        Assert.Equal("key", Assert.Throws<ArgumentNullException>(() => lru.TryPeek(null!, out _)).ParamName);
        Assert.Equal("key", Assert.Throws<ArgumentNullException>(() => lru.Contains(null!)).ParamName);
        Assert.Equal("key", Assert.Throws<ArgumentNullException>(() => lru.TryUpdate(null!, 1)).ParamName);
        Assert.Equal("key", Assert.Throws<ArgumentNullException>(() => lru.GetOrAdd(null!, _ => 1)).ParamName);
        Assert.Equal("key", Assert.Throws<ArgumentNullException>(() => lru.ContainsOrAdd(null!, 1, out _)).ParamName);
        Assert.Equal("key", Assert.Throws<ArgumentNullException>(() => lru.PeekOrAdd(null!, 1, out _, out _)).ParamName);
        Assert.Equal("factory", Assert.Throws<ArgumentNullException>(() => lru.GetOrAdd("a", null!)).ParamName);
        Assert.Equal("factory", (await Assert.ThrowsAsync<ArgumentNullException>(async () => await lru.GetOrAddAsync("a", null!))).ParamName);
        Assert.Equal(0, lru.Count);
    }

    /// <summary>
    /// The callback runs after the lock is released: from inside it, another thread's call that needs the
    /// lock (Keys) completes. Were the lock still held, that call would wait for the handler, which waits for
    /// it; the bounded wait turns that deadlock into a failure.
    /// </summary>
    [Theory]
    [MemberData(nameof(SharedForms))]
    public void The_callback_runs_after_the_lock_is_released(string form)
    {
        ILruCache<int, int> lru = LruForms.Create(form, 1);
        bool otherThreadGotTheLock = false;
        IReadOnlyList<int>? keysSeen = null;
        lru.Evicted += _ =>
        {
            var other = Task.Run(lru.Keys);
            otherThreadGotTheLock = other.Wait(TimeSpan.FromSeconds(10));
            keysSeen = otherThreadGotTheLock ? other.Result : null;
        };

        lru.Set(1, 1);
        lru.Set(2, 2);

        Assert.True(otherThreadGotTheLock, "the callback ran while the lock was held");
        Assert.Equal([2], keysSeen); // and the operation was complete when it ran
    }

    /// <summary>GetOrAdd racing on one key: the factory may run on several threads, but every caller gets the one value stored.</summary>
    [Theory]
    [MemberData(nameof(SharedForms))]
    public async Task Racing_get_or_adds_of_one_key_all_return_the_value_stored_first(string form)
    {
        const int threads = 4;
        ILruCache<int, int> lru = LruForms.Create(form, 8);
        int made = 0;
        using var start = new Barrier(threads);
        var callers = Enumerable.Range(0, threads).Select(_ => Task.Factory.StartNew(
            () =>
            {
                start.SignalAndWait();
                return lru.GetOrAdd(7, _ => Interlocked.Increment(ref made));
            },
            TaskCreationOptions.LongRunning)).ToArray();
        int[] results = await Task.WhenAll(callers);

        Assert.True(lru.TryPeek(7, out int stored));
        Assert.All(results, r => Assert.Equal(stored, r));
        Assert.InRange(made, 1, threads);
        Assert.Equal(1, lru.Count);
    }
}
