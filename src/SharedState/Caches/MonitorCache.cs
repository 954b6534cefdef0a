namespace ActorConcurrency.SharedState.Caches;

/// <summary>
/// Task 7, first form (Go's <c>sync.Mutex</c>): every read and every write takes the same <c>lock</c>
/// (<see cref="Monitor"/>). Readers exclude each other although they never conflict: that is the cost the
/// reader/writer lock tries to remove.
/// </summary>
public sealed class MonitorCache<TKey, TValue> : ICache<TKey, TValue>
    where TKey : notnull
{
    private readonly object _gate = new();

    /// <summary>Guarded by <see cref="_gate"/>: <see cref="Dictionary{TKey,TValue}"/> is not safe for a write concurrent with any other access.</summary>
    private readonly Dictionary<TKey, TValue> _items = [];

    /// <inheritdoc />
    public bool TryGet(TKey key, out TValue value)
    {
        lock (_gate)
        {
            return _items.TryGetValue(key, out value!);
        }
    }

    /// <inheritdoc />
    public void Set(TKey key, TValue value)
    {
        lock (_gate)
        {
            _items[key] = value;
        }
    }

    /// <inheritdoc />
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _items.Count;
            }
        }
    }
}
