using ActorConcurrency.Actors.Hosting;
using ActorConcurrency.SharedState.Lru;
using Akka.TestKit.Xunit2;

namespace ActorConcurrency.Tests.Lru;

/// <summary>
/// Every test case of hashicorp/golang-lru v2's <c>simplelru/lru_test.go</c> and <c>lru_test.go</c> (the
/// thread-safe <c>lru.Cache</c>), restated in our own words against the C# API and run on each form: the
/// lock form, the CLOCK form and the owner actor (through <see cref="LruActorCache{TKey,TValue}"/>).
/// golang-lru's Add is <c>Set</c>, Get is <c>TryGet</c>, Peek is <c>TryPeek</c>, Purge is <c>Clear</c>,
/// Len/Cap are <c>Count</c>/<c>Capacity</c>, and the onEvicted callback is the <c>Evicted</c> event (which
/// golang-lru also calls for removals and purges). Where the CLOCK form's approximate recency gives a
/// different answer, the spec says which and why; nowhere else does it differ.
/// </summary>
public sealed class GolangLruCasesSpec : TestKit
{
    public GolangLruCasesSpec()
        : base(HoconConfig.Base)
    {
    }

    public static TheoryData<string> Forms => LruForms.NamesWithActor;

    /// <summary>
    /// simplelru TestLRU and lru TestLRU: fill 256 keys into 128 entries, read every survivor oldest first,
    /// remove half, touch one, purge.
    /// </summary>
    [Theory]
    [MemberData(nameof(Forms))]
    public void TestLRU_fills_past_capacity_reads_removes_touches_and_purges(string form)
    {
        ILruCache<int, int> lru = LruForms.Create(form, 128, Sys);
        int evictions = 0;
        lru.Evicted += e =>
        {
            Assert.Equal(e.Key, e.Value);
            evictions++;
        };

        for (int i = 0; i < 256; i++)
        {
            lru.Set(i, i);
        }

        Assert.Equal(128, lru.Count);
        Assert.Equal(128, lru.Capacity);
        Assert.Equal(128, evictions);

        IReadOnlyList<int> keys = lru.Keys();
        for (int i = 0; i < keys.Count; i++)
        {
            Assert.True(lru.TryGet(keys[i], out int v));
            Assert.Equal(keys[i], v);
            Assert.Equal(i + 128, v);
        }

        Assert.Equal(Enumerable.Range(128, 128), lru.Values());
        for (int i = 0; i < 128; i++)
        {
            Assert.False(lru.TryGet(i, out _), "should be evicted");
        }

        for (int i = 128; i < 256; i++)
        {
            Assert.True(lru.TryGet(i, out _), "should not be evicted");
        }

        for (int i = 128; i < 192; i++)
        {
            Assert.True(lru.Remove(i), "should be contained");
            Assert.False(lru.Remove(i), "should not be contained");
            Assert.False(lru.TryGet(i, out _), "should be deleted");
        }

        lru.TryGet(192, out _);

        // Exact forms: the touch moves 192 to the newest end. CLOCK: every survivor was read since the last
        // sweep, so all are referenced and keep their insertion order; the touch changes nothing.
        IEnumerable<int> expected = LruForms.IsExact(form) ? Enumerable.Range(193, 63).Append(192) : Enumerable.Range(192, 64);
        Assert.Equal(expected, lru.Keys());

        lru.Clear();
        Assert.Equal(0, lru.Count);
        Assert.False(lru.TryGet(200, out _), "should contain nothing");
        Assert.True(lru.CheckInvariants().Holds);
    }

    /// <summary>simplelru TestLRU_GetOldest_RemoveOldest: the oldest of 128..255 is 128, removing it makes 129 the oldest.</summary>
    [Theory]
    [MemberData(nameof(Forms))]
    public void TestLRU_GetOldest_RemoveOldest_report_and_take_the_least_recently_used(string form)
    {
        ILruCache<int, int> lru = LruForms.Create(form, 128, Sys);
        for (int i = 0; i < 256; i++)
        {
            lru.Set(i, i);
        }

        Assert.True(lru.TryGetOldest(out int oldest, out _));
        Assert.Equal(128, oldest);
        Assert.True(lru.TryRemoveOldest(out int removed, out _));
        Assert.Equal(128, removed);
        Assert.True(lru.TryRemoveOldest(out removed, out _));
        Assert.Equal(129, removed);
    }

    /// <summary>simplelru TestLRU_Add and lru TestLRUAdd: Set reports whether it evicted, and the callback agrees.</summary>
    [Theory]
    [MemberData(nameof(Forms))]
    public void TestLRU_Add_returns_whether_an_eviction_occurred(string form)
    {
        ILruCache<int, int> lru = LruForms.Create(form, 1, Sys);
        int evictions = 0;
        lru.Evicted += _ => evictions++;

        Assert.False(lru.Set(1, 1));
        Assert.Equal(0, evictions);
        Assert.True(lru.Set(2, 2));
        Assert.Equal(1, evictions);
    }

    /// <summary>simplelru TestLRU_Contains and lru TestLRUContains: Contains does not refresh the key, so it is evicted next.</summary>
    [Theory]
    [MemberData(nameof(Forms))]
    public void TestLRU_Contains_does_not_update_recency(string form)
    {
        ILruCache<int, int> lru = LruForms.Create(form, 2, Sys);
        lru.Set(1, 1);
        lru.Set(2, 2);
        Assert.True(lru.Contains(1));

        lru.Set(3, 3);
        Assert.False(lru.Contains(1), "Contains should not have updated the recency of 1");
    }

    /// <summary>lru TestLRUContainsOrAdd: a present key is reported and left alone; an absent one is added, evicting.</summary>
    [Theory]
    [MemberData(nameof(Forms))]
    public void TestLRUContainsOrAdd_does_not_update_recency(string form)
    {
        ILruCache<int, int> lru = LruForms.Create(form, 2, Sys);
        lru.Set(1, 1);
        lru.Set(2, 2);
        Assert.True(lru.ContainsOrAdd(1, 1, out bool evicted));
        Assert.False(evicted);

        lru.Set(3, 3);
        Assert.False(lru.ContainsOrAdd(1, 1, out evicted), "1 should not have been contained");
        Assert.True(evicted, "an eviction should have occurred");
        Assert.True(lru.Contains(1));
    }

    /// <summary>lru TestLRUPeekOrAdd: as ContainsOrAdd, also handing back the value already cached.</summary>
    [Theory]
    [MemberData(nameof(Forms))]
    public void TestLRUPeekOrAdd_does_not_update_recency(string form)
    {
        ILruCache<int, int> lru = LruForms.Create(form, 2, Sys);
        lru.Set(1, 1);
        lru.Set(2, 2);
        Assert.True(lru.PeekOrAdd(1, 1, out int previous, out bool evicted));
        Assert.False(evicted);
        Assert.Equal(1, previous);

        lru.Set(3, 3);
        Assert.False(lru.ContainsOrAdd(1, 1, out evicted), "1 should not have been contained");
        Assert.True(evicted, "an eviction should have occurred");
        Assert.True(lru.Contains(1));
    }

    /// <summary>simplelru TestLRU_Peek and lru TestLRUPeek: Peek returns the value and does not refresh the key.</summary>
    [Theory]
    [MemberData(nameof(Forms))]
    public void TestLRU_Peek_does_not_update_recency(string form)
    {
        ILruCache<int, int> lru = LruForms.Create(form, 2, Sys);
        lru.Set(1, 1);
        lru.Set(2, 2);
        Assert.True(lru.TryPeek(1, out int v));
        Assert.Equal(1, v);

        lru.Set(3, 3);
        Assert.False(lru.Contains(1), "Peek should not have updated the recency of 1");
    }

    /// <summary>simplelru TestLRU_Resize and lru TestLRUResize: shrinking evicts the oldest (with a callback), growing evicts nothing.</summary>
    [Theory]
    [MemberData(nameof(Forms))]
    public void TestLRU_Resize_can_downsize_and_upsize(string form)
    {
        ILruCache<int, int> lru = LruForms.Create(form, 2, Sys);
        var reasons = new List<LruEvictionReason>();
        lru.Evicted += e => reasons.Add(e.Reason);

        lru.Set(1, 1);
        lru.Set(2, 2);
        Assert.Equal(1, lru.Resize(1));
        Assert.Equal([LruEvictionReason.Resized], reasons);

        lru.Set(3, 3);
        Assert.False(lru.Contains(1), "1 should have been evicted");

        Assert.Equal(0, lru.Resize(2));
        lru.Set(4, 4);
        Assert.True(lru.Contains(3) && lru.Contains(4), "the cache should hold 2 entries");
    }

    /// <summary>simplelru TestCache_EvictionSameKey and lru TestCache_EvictionSameKey/Add: re-adding a key refreshes it, so the other one is evicted.</summary>
    [Theory]
    [MemberData(nameof(Forms))]
    public void TestCache_EvictionSameKey_Add_refreshes_the_re_added_key(string form)
    {
        ILruCache<int, int> lru = LruForms.Create(form, 2, Sys);
        var evictedKeys = new List<int>();
        lru.Evicted += e => evictedKeys.Add(e.Key);

        Assert.False(lru.Set(1, 0));
        Assert.Equal([1], lru.Keys());
        Assert.False(lru.Set(2, 0));
        Assert.Equal([1, 2], lru.Keys());
        Assert.False(lru.Set(1, 0));
        Assert.Equal([2, 1], lru.Keys());
        Assert.True(lru.Set(3, 0));
        Assert.Equal([1, 3], lru.Keys());
        Assert.Equal([2], evictedKeys);
    }

    /// <summary>lru TestCache_EvictionSameKey/ContainsOrAdd: a present key is not refreshed, so it is the one evicted.</summary>
    [Theory]
    [MemberData(nameof(Forms))]
    public void TestCache_EvictionSameKey_ContainsOrAdd_does_not_refresh(string form)
    {
        ILruCache<int, int> lru = LruForms.Create(form, 2, Sys);
        var evictedKeys = new List<int>();
        lru.Evicted += e => evictedKeys.Add(e.Key);

        Assert.False(lru.ContainsOrAdd(1, 0, out bool evicted));
        Assert.False(evicted);
        Assert.Equal([1], lru.Keys());
        Assert.False(lru.ContainsOrAdd(2, 0, out evicted));
        Assert.False(evicted);
        Assert.Equal([1, 2], lru.Keys());
        Assert.True(lru.ContainsOrAdd(1, 0, out evicted));
        Assert.False(evicted);
        Assert.Equal([1, 2], lru.Keys());
        Assert.False(lru.ContainsOrAdd(3, 0, out evicted));
        Assert.True(evicted);
        Assert.Equal([2, 3], lru.Keys());
        Assert.Equal([1], evictedKeys);
    }

    /// <summary>lru TestCache_EvictionSameKey/PeekOrAdd: the same with PeekOrAdd.</summary>
    [Theory]
    [MemberData(nameof(Forms))]
    public void TestCache_EvictionSameKey_PeekOrAdd_does_not_refresh(string form)
    {
        ILruCache<int, int> lru = LruForms.Create(form, 2, Sys);
        var evictedKeys = new List<int>();
        lru.Evicted += e => evictedKeys.Add(e.Key);

        Assert.False(lru.PeekOrAdd(1, 0, out _, out bool evicted));
        Assert.False(evicted);
        Assert.Equal([1], lru.Keys());
        Assert.False(lru.PeekOrAdd(2, 0, out _, out evicted));
        Assert.False(evicted);
        Assert.Equal([1, 2], lru.Keys());
        Assert.True(lru.PeekOrAdd(1, 0, out _, out evicted));
        Assert.False(evicted);
        Assert.Equal([1, 2], lru.Keys());
        Assert.False(lru.PeekOrAdd(3, 0, out _, out evicted));
        Assert.True(evicted);
        Assert.Equal([2, 3], lru.Keys());
        Assert.Equal([1], evictedKeys);
    }
}
