using ActorConcurrency.SharedState.Lru;

namespace ActorConcurrency.Tests.Lru;

/// <summary>
/// A test double's base: every member of <see cref="ILruCache{TKey,TValue}"/> passed to an inner cache, so a
/// double overrides only the member whose behaviour it changes (a deliberately wrong LRU, a gated one).
/// </summary>
internal abstract class DelegatingLruCache(ILruCache<int, int> inner) : ILruCache<int, int>
{
    public event Action<LruEviction<int, int>>? Evicted
    {
        add => inner.Evicted += value;
        remove => inner.Evicted -= value;
    }

    public int Capacity => inner.Capacity;

    public int Count => inner.Count;

    public LruMetrics Metrics => inner.Metrics;

    public virtual bool TryGet(int key, out int value) => inner.TryGet(key, out value);

    public bool TryPeek(int key, out int value) => inner.TryPeek(key, out value);

    public bool Contains(int key) => inner.Contains(key);

    public bool Set(int key, int value) => inner.Set(key, value);

    public bool TryUpdate(int key, int value) => inner.TryUpdate(key, value);

    public int GetOrAdd(int key, Func<int, int> factory) => inner.GetOrAdd(key, factory);

    public ValueTask<int> GetOrAddAsync(int key, Func<int, Task<int>> factory) => inner.GetOrAddAsync(key, factory);

    public bool ContainsOrAdd(int key, int value, out bool evicted) => inner.ContainsOrAdd(key, value, out evicted);

    public bool PeekOrAdd(int key, int value, out int previous, out bool evicted) => inner.PeekOrAdd(key, value, out previous, out evicted);

    public bool Remove(int key) => inner.Remove(key);

    public bool TryGetOldest(out int key, out int value) => inner.TryGetOldest(out key, out value);

    public bool TryRemoveOldest(out int key, out int value) => inner.TryRemoveOldest(out key, out value);

    public virtual IReadOnlyList<int> Keys() => inner.Keys();

    public IReadOnlyList<int> Values() => inner.Values();

    public int Resize(int capacity) => inner.Resize(capacity);

    public void Clear() => inner.Clear();

    public LruInvariantReport CheckInvariants() => inner.CheckInvariants();
}
