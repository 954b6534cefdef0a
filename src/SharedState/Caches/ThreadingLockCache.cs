namespace ActorConcurrency.SharedState.Caches;

/// <summary>
/// Task 7, second form: the same mutual exclusion with <see cref="System.Threading.Lock"/> (.NET 9+). The
/// <c>lock</c> statement on a <see cref="Lock"/> enters a scope of the dedicated lock type instead of
/// <see cref="Monitor"/>, so no object header or sync block is involved; readers still exclude each other.
/// </summary>
public sealed class ThreadingLockCache<TKey, TValue> : ICache<TKey, TValue>
    where TKey : notnull
{
    private readonly Lock _gate = new();

    /// <summary>Guarded by <see cref="_gate"/>.</summary>
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
