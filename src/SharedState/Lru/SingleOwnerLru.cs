using System.Diagnostics;

namespace ActorConcurrency.SharedState.Lru;

/// <summary>
/// The LRU itself, for one owner at a time: a <see cref="Dictionary{TKey,TValue}"/> from key to list node
/// plus the recency list, every operation O(1). It has no synchronisation at all; its owner provides it.
/// <see cref="LruCache{TKey,TValue}"/> wraps it in a lock; the owner actor (ActorConcurrency.Actors.Lru)
/// keeps it private and lets its mailbox serialise the calls, so both forms share one implementation of
/// the semantics and of the invariant check.
/// </summary>
/// <typeparam name="TKey">The key; never null.</typeparam>
/// <typeparam name="TValue">The value.</typeparam>
public sealed class SingleOwnerLru<TKey, TValue>
    where TKey : notnull
{
    private readonly Dictionary<TKey, LruNode<TKey, TValue>> _map;
    private readonly LruList<TKey, TValue> _list = new();

    /// <summary>Creates an empty LRU of <paramref name="capacity"/> entries.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is below 1.</exception>
    public SingleOwnerLru(int capacity, IEqualityComparer<TKey>? comparer = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
        _map = new Dictionary<TKey, LruNode<TKey, TValue>>(comparer);
    }

    /// <summary>How many entries it holds at most.</summary>
    public int Capacity { get; }

    /// <summary>How many entries it holds now.</summary>
    public int Count => _map.Count;

    /// <summary>Reads <paramref name="key"/>; a hit becomes the most recently used.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    public bool TryGet(TKey key, out TValue value)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (_map.TryGetValue(key, out LruNode<TKey, TValue>? node))
        {
            _list.MoveToFirst(node);
            value = node.Value;
            return true;
        }

        value = default!;
        return false;
    }

    /// <summary>Stores <paramref name="value"/> as the most recently used; evicts the least recently used when a new key overflows.</summary>
    /// <returns>True when an entry was evicted to make room.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    public bool Set(TKey key, TValue value)
    {
        ArgumentNullException.ThrowIfNull(key);
        var node = new LruNode<TKey, TValue>(key, value);
        bool evicted = false;
        if (_map.Remove(key, out LruNode<TKey, TValue>? old))
        {
            _list.Remove(old);
        }
        else if (_map.Count == Capacity)
        {
            LruNode<TKey, TValue> victim = _list.Last!;
            _list.Remove(victim);
            _map.Remove(victim.Key);
            evicted = true;
        }

        _map.Add(key, node);
        _list.AddFirst(node);
        Debug.Assert(_map.Count <= Capacity && _map.Count == _list.Count, "count within capacity, list as long as map");
        return evicted;
    }

    /// <summary>Removes <paramref name="key"/>; false when absent.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    public bool Remove(TKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!_map.Remove(key, out LruNode<TKey, TValue>? node))
        {
            return false;
        }

        _list.Remove(node);
        return true;
    }

    /// <summary>The keys from the most to the least recently used.</summary>
    public IReadOnlyList<TKey> RecencyOrder() => _list.KeysForward();

    /// <summary>Checks <see cref="LruInvariants"/> on the current state.</summary>
    public LruInvariantReport CheckInvariants() =>
        LruInvariants.Check(_map.Keys, _list.KeysForward(), _list.LinksAgree(), Capacity, _map.Comparer);
}
