using System.Diagnostics;

namespace ActorConcurrency.SharedState.Lru;

/// <summary>
/// The exact LRU itself, for one owner at a time: a <see cref="Dictionary{TKey,TValue}"/> from key to list
/// node plus the recency list, every single-key operation O(1). It has no synchronisation at all; its owner
/// provides it. <see cref="LruCache{TKey,TValue}"/> wraps it in a lock; the owner actor
/// (ActorConcurrency.Actors.Lru) keeps it private and lets its mailbox serialise the calls, so both forms
/// share one implementation of the semantics (those of <see cref="ILruCache{TKey,TValue}"/>), of the
/// metrics and of the invariant check.
/// <para>
/// Entries that leave are collected only while <see cref="RecordEvictions"/> is set (its owner has
/// someone to tell), and handed over by <see cref="TakeEvictions"/>, so the owner can report them after
/// its critical section (or handler) is over.
/// </para>
/// </summary>
/// <typeparam name="TKey">The key; never null.</typeparam>
/// <typeparam name="TValue">The value.</typeparam>
public sealed class SingleOwnerLru<TKey, TValue>
    where TKey : notnull
{
    private readonly Dictionary<TKey, LruNode<TKey, TValue>> _map;
    private readonly LruList<TKey, TValue> _list = new();
    private readonly EvictionLog<TKey, TValue> _log = new();
    private long _hits;
    private long _misses;
    private long _evicted;

    /// <summary>Creates an empty LRU of <paramref name="capacity"/> entries.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is below 1.</exception>
    public SingleOwnerLru(int capacity, IEqualityComparer<TKey>? comparer = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
        _map = new Dictionary<TKey, LruNode<TKey, TValue>>(comparer);
    }

    /// <summary>How many entries it holds at most.</summary>
    public int Capacity { get; private set; }

    /// <summary>How many entries it holds now.</summary>
    public int Count => _map.Count;

    /// <summary>Hits, misses and evictions so far.</summary>
    public LruMetrics Metrics => new(_hits, _misses, _evicted);

    /// <summary>Whether entries that leave are collected for <see cref="TakeEvictions"/>.</summary>
    public bool RecordEvictions
    {
        get => _log.Recording;
        set => _log.Recording = value;
    }

    /// <summary>Reads <paramref name="key"/>; a hit becomes the most recently used. Counted.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    public bool TryGet(TKey key, out TValue value)
    {
        KeyGuard.ThrowIfNull(key);
        if (_map.TryGetValue(key, out LruNode<TKey, TValue>? node))
        {
            _list.MoveToFirst(node);
            _hits++;
            value = node.Value;
            return true;
        }

        _misses++;
        value = default!;
        return false;
    }

    /// <summary>Reads <paramref name="key"/> without changing recency. Not counted.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    public bool TryPeek(TKey key, out TValue value)
    {
        KeyGuard.ThrowIfNull(key);
        bool found = _map.TryGetValue(key, out LruNode<TKey, TValue>? node);
        value = found ? node!.Value : default!;
        return found;
    }

    /// <summary>Whether <paramref name="key"/> is cached, without changing recency.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    public bool Contains(TKey key)
    {
        KeyGuard.ThrowIfNull(key);
        return _map.ContainsKey(key);
    }

    /// <summary>Stores <paramref name="value"/> as the most recently used; evicts the least recently used when a new key overflows.</summary>
    /// <returns>True when an entry was evicted to make room.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    public bool Set(TKey key, TValue value)
    {
        KeyGuard.ThrowIfNull(key);
        if (_map.Remove(key, out LruNode<TKey, TValue>? old))
        {
            _list.Remove(old);
            Insert(key, value);
            return false;
        }

        return Add(key, value);
    }

    /// <summary>Replaces the value of a cached key and makes it the most recently used; false when absent.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    public bool TryUpdate(TKey key, TValue value)
    {
        KeyGuard.ThrowIfNull(key);
        if (!_map.Remove(key, out LruNode<TKey, TValue>? old))
        {
            return false;
        }

        _list.Remove(old);
        Insert(key, value);
        return true;
    }

    /// <summary>The cached value, promoted (not counted: the caller's lookup was), or else <paramref name="value"/> stored.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The value to store when absent.</param>
    /// <param name="added">True when <paramref name="value"/> was stored.</param>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    public TValue AddIfAbsent(TKey key, TValue value, out bool added)
    {
        KeyGuard.ThrowIfNull(key);
        if (_map.TryGetValue(key, out LruNode<TKey, TValue>? node))
        {
            _list.MoveToFirst(node);
            added = false;
            return node.Value;
        }

        Add(key, value);
        added = true;
        return value;
    }

    /// <summary>True (and no change) when <paramref name="key"/> is cached; otherwise stores <paramref name="value"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    public bool ContainsOrAdd(TKey key, TValue value, out bool evicted) => PeekOrAdd(key, value, out _, out evicted);

    /// <summary>True (and no change) when <paramref name="key"/> is cached, with its value; otherwise stores <paramref name="value"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    public bool PeekOrAdd(TKey key, TValue value, out TValue previous, out bool evicted)
    {
        if (TryPeek(key, out previous))
        {
            evicted = false;
            return true;
        }

        evicted = Add(key, value);
        return false;
    }

    /// <summary>Removes <paramref name="key"/>; false when absent.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    public bool Remove(TKey key)
    {
        KeyGuard.ThrowIfNull(key);
        if (!_map.Remove(key, out LruNode<TKey, TValue>? node))
        {
            return false;
        }

        _list.Remove(node);
        _log.Record(node, LruEvictionReason.Removed);
        return true;
    }

    /// <summary>The least recently used entry, left in place.</summary>
    public bool TryGetOldest(out TKey key, out TValue value)
    {
        LruNode<TKey, TValue>? last = _list.Last;
        key = last is null ? default! : last.Key;
        value = last is null ? default! : last.Value;
        return last is not null;
    }

    /// <summary>Removes and returns the least recently used entry.</summary>
    public bool TryRemoveOldest(out TKey key, out TValue value)
    {
        if (!TryGetOldest(out key, out value))
        {
            return false;
        }

        Drop(_list.Last!, LruEvictionReason.Removed);
        return true;
    }

    /// <summary>The keys from the least to the most recently used.</summary>
    public IReadOnlyList<TKey> Keys() => _list.NodesOldestFirst().ConvertAll(n => n.Key);

    /// <summary>The values from the least to the most recently used.</summary>
    public IReadOnlyList<TValue> Values() => _list.NodesOldestFirst().ConvertAll(n => n.Value);

    /// <summary>Sets the capacity, evicting the least recently used entries above it.</summary>
    /// <returns>How many entries were evicted.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is below 1.</exception>
    public int Resize(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        int evicted = 0;
        while (_map.Count > capacity)
        {
            Drop(_list.Last!, LruEvictionReason.Resized);
            _evicted++;
            evicted++;
        }

        Capacity = capacity;
        return evicted;
    }

    /// <summary>Removes every entry.</summary>
    public void Clear()
    {
        if (RecordEvictions)
        {
            foreach (LruNode<TKey, TValue> node in _list.NodesOldestFirst())
            {
                _log.Record(node, LruEvictionReason.Cleared);
            }
        }

        _map.Clear();
        _list.Clear();
    }

    /// <summary>The entries that left since the last call (oldest event first), or null when none did or none were recorded.</summary>
    public List<LruEviction<TKey, TValue>>? TakeEvictions() => _log.Take();

    /// <summary>Checks <see cref="LruInvariants"/> on the current state.</summary>
    public LruInvariantReport CheckInvariants() =>
        LruInvariants.Check(_map.Keys, _list.KeysForward(), _list.LinksAgree(), Capacity, _map.Comparer);

    /// <summary>Adds an absent key, evicting the least recently used first when full; true when it evicted.</summary>
    private bool Add(TKey key, TValue value)
    {
        bool evicted = false;
        if (_map.Count >= Capacity)
        {
            Drop(_list.Last!, LruEvictionReason.Evicted);
            _evicted++;
            evicted = true;
        }

        Insert(key, value);
        return evicted;
    }

    private void Insert(TKey key, TValue value)
    {
        var node = new LruNode<TKey, TValue>(key, value);
        _map.Add(key, node);
        _list.AddFirst(node);
        Debug.Assert(_map.Count <= Capacity && _map.Count == _list.Count, "count within capacity, list as long as map");
    }

    private void Drop(LruNode<TKey, TValue> node, LruEvictionReason reason)
    {
        _list.Remove(node);
        _map.Remove(node.Key);
        _log.Record(node, reason);
    }
}
