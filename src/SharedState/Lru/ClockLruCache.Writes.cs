using System.Diagnostics;

namespace ActorConcurrency.SharedState.Lru;

/// <summary>
/// The writers of <see cref="ClockLruCache{TKey,TValue}"/>: every operation here takes the cache's lock, changes
/// the ring under it, and tells the eviction handlers after releasing it. The lock-free lookups and the
/// cache's state are in ClockLruCache.cs.
/// </summary>
public sealed partial class ClockLruCache<TKey, TValue>
{
    /// <inheritdoc />
    public bool Set(TKey key, TValue value)
    {
        KeyGuard.ThrowIfNull(key);
        bool evicted = false;
        List<LruEviction<TKey, TValue>>? left;
        lock (_lock)
        {
            if (_map.Find(key) is { } old)
            {
                Update(old, value);
            }
            else
            {
                evicted = Add(new LruNode<TKey, TValue>(key, value));
            }

            left = _log.Take();
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
            if (_map.Find(key) is not { } old)
            {
                return false;
            }

            Update(old, value);
            return true;
        }
    }

    /// <inheritdoc />
    public override bool PeekOrAdd(TKey key, TValue value, out TValue previous, out bool evicted)
    {
        KeyGuard.ThrowIfNull(key);
        List<LruEviction<TKey, TValue>>? left;
        lock (_lock)
        {
            if (_map.Find(key) is { } present)
            {
                previous = present.Value;
                evicted = false;
                return true;
            }

            previous = default!;
            evicted = Add(new LruNode<TKey, TValue>(key, value));
            left = _log.Take();
        }

        Raise(left);
        return false;
    }

    /// <inheritdoc />
    public bool Remove(TKey key)
    {
        KeyGuard.ThrowIfNull(key);
        List<LruEviction<TKey, TValue>>? left;
        lock (_lock)
        {
            if (_map.Find(key) is not { } node)
            {
                return false;
            }

            Drop(node, LruEvictionReason.Removed);
            left = _log.Take();
        }

        Raise(left);
        return true;
    }

    /// <inheritdoc />
    public bool TryRemoveOldest(out TKey key, out TValue value)
    {
        List<LruEviction<TKey, TValue>>? left;
        lock (_lock)
        {
            if (_ring.Count == 0)
            {
                key = default!;
                value = default!;
                return false;
            }

            LruNode<TKey, TValue> victim = _ring.Sweep();
            (key, value) = (victim.Key, victim.Value);
            Drop(victim, LruEvictionReason.Removed);
            left = _log.Take();
        }

        Raise(left);
        return true;
    }

    /// <inheritdoc />
    public int Resize(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        int evicted = 0;
        List<LruEviction<TKey, TValue>>? left;
        lock (_lock)
        {
            while (_ring.Count > capacity)
            {
                Drop(_ring.Sweep(), LruEvictionReason.Resized);
                _ring.CountEviction();
                evicted++;
            }

            _ring.EnsureFits(capacity);
            Volatile.Write(ref _capacity, capacity);
            left = _log.Take();
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
            if (_log.Recording)
            {
                foreach (LruNode<TKey, TValue> node in _ring.EvictionOrder())
                {
                    _log.Record(node, LruEvictionReason.Cleared);
                }
            }

            _ring.Clear(_capacity);
            left = _log.Take();
        }

        Raise(left);
    }

    /// <inheritdoc />
    private protected override TValue AddIfAbsent(TKey key, TValue value)
    {
        List<LruEviction<TKey, TValue>>? left;
        lock (_lock)
        {
            if (_map.Find(key) is { } present)
            {
                // Another caller's value got in first: it is the one every caller gets, and this is its use.
                present.Referenced = true;
                return present.Value;
            }

            Add(new LruNode<TKey, TValue>(key, value));
            left = _log.Take();
        }

        Raise(left);
        return value;
    }

    /// <summary>
    /// Under the lock: a present key's new value. CLOCK counts a Set like a hit: the entry is marked used (a
    /// second chance) and stays where it is, so a Set writes the entry and nothing else. The value is stored in
    /// place where its store cannot tear (ECMA-335 I.12.6.6, as <c>ConcurrentDictionary</c> does); a wider
    /// struct goes in a new node, marked, in the old one's place. A lookup racing the Set returns the old value
    /// or the new one and marks the entry either way, so the Set and the lookup leave the same state in either
    /// order.
    /// </summary>
    private void Update(LruNode<TKey, TValue> old, TValue value)
    {
        if (LruNode<TKey, TValue>.UpdatesInPlace)
        {
            old.Update(value);
            if (!old.Referenced)
            {
                old.Referenced = true;
            }
        }
        else
        {
            _ring.Replace(old, new LruNode<TKey, TValue>(old.Key, value) { Referenced = true });
        }
    }

    /// <summary>Under the lock: inserts an absent key at the front, evicting first when full; true when it evicted.</summary>
    private bool Add(LruNode<TKey, TValue> node)
    {
        bool evicted = false;
        if (_ring.Count >= _capacity)
        {
            Drop(_ring.Sweep(), LruEvictionReason.Evicted);
            _ring.CountEviction();
            evicted = true;
        }

        _ring.Insert(node);
        Debug.Assert(_ring.Count <= _capacity, "count within capacity");
        return evicted;
    }

    private void Drop(LruNode<TKey, TValue> node, LruEvictionReason reason)
    {
        _ring.Unlink(node);
        _log.Record(node, reason);
    }

    /// <inheritdoc />
    private protected override void RecordEvictions(bool on) => _log.Recording = on;
}
