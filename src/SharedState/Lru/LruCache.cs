namespace ActorConcurrency.SharedState.Lru;

/// <summary>
/// Task 13, the plain form: one <see cref="Lock"/> protects the map and the recency list together, so every
/// operation — a hit too, since it moves the entry to the front — is one critical section and the cache
/// is linearizable with exact LRU order. The price: readers serialise behind each other and behind
/// writers; see <see cref="DeferredPromotionLruCache{TKey,TValue}"/> for the form whose reads hold no lock.
/// </summary>
/// <typeparam name="TKey">The key; never null.</typeparam>
/// <typeparam name="TValue">The value.</typeparam>
public sealed class LruCache<TKey, TValue> : ILruCache<TKey, TValue>
    where TKey : notnull
{
    private readonly Lock _lock = new();

    /// <summary>Touched only while <see cref="_lock"/> is held.</summary>
    private readonly SingleOwnerLru<TKey, TValue> _lru;

    /// <summary>Creates an empty cache of <paramref name="capacity"/> entries.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is below 1.</exception>
    public LruCache(int capacity, IEqualityComparer<TKey>? comparer = null) => _lru = new SingleOwnerLru<TKey, TValue>(capacity, comparer);

    /// <inheritdoc />
    public int Capacity => _lru.Capacity;

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
    public bool TryGet(TKey key, out TValue value)
    {
        ArgumentNullException.ThrowIfNull(key);
        lock (_lock)
        {
            return _lru.TryGet(key, out value);
        }
    }

    /// <inheritdoc />
    public void Set(TKey key, TValue value)
    {
        ArgumentNullException.ThrowIfNull(key);
        lock (_lock)
        {
            _lru.Set(key, value);
        }
    }

    /// <inheritdoc />
    public bool Remove(TKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        lock (_lock)
        {
            return _lru.Remove(key);
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<TKey> RecencyOrder()
    {
        lock (_lock)
        {
            return _lru.RecencyOrder();
        }
    }

    /// <inheritdoc />
    public LruInvariantReport CheckInvariants()
    {
        lock (_lock)
        {
            return _lru.CheckInvariants();
        }
    }
}
