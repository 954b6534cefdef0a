namespace ActorConcurrency.SharedState.Lru;

/// <summary>
/// Task 13, the plain form: one <see cref="Lock"/> protects the map and the recency list together, so every
/// operation — a hit too, since it moves the entry to the front — is one critical section and the cache
/// is linearizable with exact LRU order. The price: readers serialise behind each other and behind
/// writers; see <see cref="ClockLruCache{TKey,TValue}"/> for the form whose reads hold no lock.
/// Entries that left are reported to <see cref="LruCacheBase{TKey,TValue}.Evicted"/> after the lock is released.
/// </summary>
/// <typeparam name="TKey">The key; never null.</typeparam>
/// <typeparam name="TValue">The value.</typeparam>
public sealed class LruCache<TKey, TValue> : LruCacheBase<TKey, TValue>, ILruCache<TKey, TValue>
    where TKey : notnull
{
    private readonly Lock _lock = new();

    /// <summary>Touched only while <see cref="_lock"/> is held.</summary>
    private readonly SingleOwnerLru<TKey, TValue> _lru;

    /// <summary>Creates an empty cache of <paramref name="capacity"/> entries.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is below 1.</exception>
    public LruCache(int capacity, IEqualityComparer<TKey>? comparer = null) => _lru = new SingleOwnerLru<TKey, TValue>(capacity, comparer);

    /// <inheritdoc />
    public int Capacity
    {
        get
        {
            lock (_lock)
            {
                return _lru.Capacity;
            }
        }
    }

    /// <inheritdoc />
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _lru.Count;
            }
        }
    }

    /// <inheritdoc />
    public LruMetrics Metrics
    {
        get
        {
            lock (_lock)
            {
                return _lru.Metrics;
            }
        }
    }

    /// <inheritdoc />
    public override bool TryGet(TKey key, out TValue value)
    {
        KeyGuard.ThrowIfNull(key);
        lock (_lock)
        {
            return _lru.TryGet(key, out value);
        }
    }

    /// <inheritdoc />
    public bool TryPeek(TKey key, out TValue value)
    {
        KeyGuard.ThrowIfNull(key);
        lock (_lock)
        {
            return _lru.TryPeek(key, out value);
        }
    }

    /// <inheritdoc />
    public bool Contains(TKey key)
    {
        KeyGuard.ThrowIfNull(key);
        lock (_lock)
        {
            return _lru.Contains(key);
        }
    }

    /// <inheritdoc />
    public bool Set(TKey key, TValue value)
    {
        KeyGuard.ThrowIfNull(key);
        bool evicted;
        List<LruEviction<TKey, TValue>>? left;
        lock (_lock)
        {
            evicted = _lru.Set(key, value);
            left = _lru.TakeEvictions();
        }

        Raise(left);
        return evicted;
    }

    /// <inheritdoc />
    public bool TryUpdate(TKey key, TValue value)
    {
        KeyGuard.ThrowIfNull(key);
        lock (_lock)
        {
            return _lru.TryUpdate(key, value);
        }
    }

    /// <inheritdoc />
    public override bool PeekOrAdd(TKey key, TValue value, out TValue previous, out bool evicted)
    {
        KeyGuard.ThrowIfNull(key);
        bool found;
        List<LruEviction<TKey, TValue>>? left;
        lock (_lock)
        {
            found = _lru.PeekOrAdd(key, value, out previous, out evicted);
            left = _lru.TakeEvictions();
        }

        Raise(left);
        return found;
    }

    /// <inheritdoc />
    public bool Remove(TKey key)
    {
        KeyGuard.ThrowIfNull(key);
        bool removed;
        List<LruEviction<TKey, TValue>>? left;
        lock (_lock)
        {
            removed = _lru.Remove(key);
            left = _lru.TakeEvictions();
        }

        Raise(left);
        return removed;
    }

    /// <inheritdoc />
    public bool TryGetOldest(out TKey key, out TValue value)
    {
        lock (_lock)
        {
            return _lru.TryGetOldest(out key, out value);
        }
    }

    /// <inheritdoc />
    public bool TryRemoveOldest(out TKey key, out TValue value)
    {
        bool removed;
        List<LruEviction<TKey, TValue>>? left;
        lock (_lock)
        {
            removed = _lru.TryRemoveOldest(out key, out value);
            left = _lru.TakeEvictions();
        }

        Raise(left);
        return removed;
    }

    /// <inheritdoc />
    public IReadOnlyList<TKey> Keys()
    {
        lock (_lock)
        {
            return _lru.Keys();
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<TValue> Values()
    {
        lock (_lock)
        {
            return _lru.Values();
        }
    }

    /// <inheritdoc />
    public int Resize(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        int evicted;
        List<LruEviction<TKey, TValue>>? left;
        lock (_lock)
        {
            evicted = _lru.Resize(capacity);
            left = _lru.TakeEvictions();
        }

        Raise(left);
        return evicted;
    }

    /// <inheritdoc />
    public void Clear()
    {
        List<LruEviction<TKey, TValue>>? left;
        lock (_lock)
        {
            _lru.Clear();
            left = _lru.TakeEvictions();
        }

        Raise(left);
    }

    /// <inheritdoc />
    public LruInvariantReport CheckInvariants()
    {
        lock (_lock)
        {
            return _lru.CheckInvariants();
        }
    }

    private protected override TValue AddIfAbsent(TKey key, TValue value)
    {
        TValue stored;
        List<LruEviction<TKey, TValue>>? left;
        lock (_lock)
        {
            stored = _lru.AddIfAbsent(key, value, out _);
            left = _lru.TakeEvictions();
        }

        Raise(left);
        return stored;
    }

    /// <inheritdoc />
    private protected override Lock Gate => _lock;

    /// <inheritdoc />
    private protected override void RecordEvictions(bool on) => _lru.RecordEvictions = on;
}
