using System.Diagnostics;

namespace ActorConcurrency.SharedState.Lru;

/// <summary>
/// Task 13, the contention-friendly form: CLOCK (second chance). A read takes no lock and writes nothing
/// shared in the common case: it searches a <see cref="LockFreeReadTable{TKey,TValue}"/> and, if the
/// entry's reference bit is not yet set, sets it. Writers (Set, Remove, Resize, …) serialise on one lock,
/// under which the list is kept in insertion order (a Set of an absent key puts its entry at the front,
/// unreferenced; a Set of a present key is a use, like a hit: it changes the value, marks the entry and
/// moves nothing). To evict, the sweep looks at the back: a referenced entry gets a second chance — its bit
/// is cleared and it moves to the front — and the first unreferenced entry is the victim.
/// <para>
/// The recency it gives up: a hit or an update does not move its entry, it only marks it "used since the
/// last sweep", so entries used since then are ordered among themselves by when they were inserted (or last
/// swept), not by when they were used. <see cref="Keys"/> (and GetOldest, RemoveOldest, Resize) report that order — the
/// order evictions would take: first the unreferenced entries, back to front, then the referenced ones,
/// back to front. And under concurrency a hit whose bit lands while the sweep passes may be lost (the
/// entry is then evicted as unused); between an eviction and the insert of one Set a reader can find
/// neither key. Everything else — values, counts, Peek/Contains leaving recency alone, the evicted flag,
/// the callbacks, the invariants — is that of <see cref="LruCache{TKey,TValue}"/>.
/// </para>
/// </summary>
/// <typeparam name="TKey">The key; never null.</typeparam>
/// <typeparam name="TValue">The value.</typeparam>
public sealed class ClockLruCache<TKey, TValue> : ILruCache<TKey, TValue>
    where TKey : notnull
{
    private readonly Lock _lock;

    /// <summary>Written only under <see cref="_lock"/>.</summary>
    private readonly ClockRing<TKey, TValue> _ring;

    /// <summary>The ring's table, searched lock-free. A node's key is immutable and its value is read with acquire semantics, so a found node is safely published.</summary>
    private readonly LockFreeReadTable<TKey, TValue> _map;

    private readonly StripedHitCounts _counts;

    /// <summary>Entries that left during the current critical section, reported after it; only while someone listens. Under <see cref="_lock"/>.</summary>
    private readonly EvictionLog<TKey, TValue> _log;

    /// <summary>Keeps the objects lookups read apart from those the writer writes; see the constructor.</summary>
    private readonly byte[] _gap;

    private Action<LruEviction<TKey, TValue>>? _evicted;

    /// <summary>Written under <see cref="_lock"/> by Resize only, read with acquire semantics.</summary>
    private int _capacity;

    /// <summary>Creates an empty cache of <paramref name="capacity"/> entries.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is below 1.</exception>
    public ClockLruCache(int capacity, IEqualityComparer<TKey>? comparer = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;

        // Allocation order is memory order (the GC's compaction keeps it): first what every lookup reads (this
        // object, the counts, the table and its buckets), then a cache line and more of gap, then what every Set
        // writes (the ring's counters, the list and its sentinel, the lock's state). Allocated the other way,
        // the lock or the sentinel would share a line with a field each lookup loads, and every Set would take
        // that line away from the readers' cores.
        _counts = new StripedHitCounts();
        _log = new EvictionLog<TKey, TValue>();
        _map = new LockFreeReadTable<TKey, TValue>(capacity, comparer);
        _gap = new byte[128];
        _ring = new ClockRing<TKey, TValue>(_map);
        _lock = new Lock();
    }

    /// <inheritdoc />
    public event Action<LruEviction<TKey, TValue>>? Evicted
    {
        add
        {
            lock (_lock)
            {
                _evicted += value;
                _log.Recording = _evicted is not null;
            }
        }

        remove
        {
            lock (_lock)
            {
                _evicted -= value;
                _log.Recording = _evicted is not null;
            }
        }
    }

    /// <inheritdoc />
    public int Capacity => Volatile.Read(ref _capacity);

    /// <inheritdoc />
    public int Count => _ring.PublishedCount;

    /// <inheritdoc />
    public LruMetrics Metrics => new(_counts.Hits, _counts.Misses, _ring.Evictions);

    /// <inheritdoc />
    public bool TryGet(TKey key, out TValue value)
    {
        KeyGuard.ThrowIfNull(key);

        LruNode<TKey, TValue>? node = _map.Find(key);
        if (node is not null)
        {
            // Test before set: a hot entry's bit is already set, and not writing it keeps its cache line
            // shared between the cores that read it instead of bouncing it on every hit.
            if (!node.Referenced)
            {
                node.Referenced = true;
            }

            value = node.Value;
            _counts.Hit();
            return true;
        }

        _counts.Miss();
        value = default!;
        return false;
    }

    /// <inheritdoc />
    public bool TryPeek(TKey key, out TValue value)
    {
        KeyGuard.ThrowIfNull(key);
        LruNode<TKey, TValue>? node = _map.Find(key);
        value = node is null ? default! : node.Value;
        return node is not null;
    }

    /// <inheritdoc />
    public bool Contains(TKey key)
    {
        KeyGuard.ThrowIfNull(key);
        return _map.Find(key) is not null;
    }

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
    public TValue GetOrAdd(TKey key, Func<TKey, TValue> factory)
    {
        KeyGuard.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(factory);
        return TryGet(key, out TValue cached) ? cached : AddIfAbsent(key, factory(key));
    }

    /// <inheritdoc />
    public async ValueTask<TValue> GetOrAddAsync(TKey key, Func<TKey, Task<TValue>> factory)
    {
        KeyGuard.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(factory);
        return TryGet(key, out TValue cached) ? cached : AddIfAbsent(key, await factory(key).ConfigureAwait(false));
    }

    /// <inheritdoc />
    public bool ContainsOrAdd(TKey key, TValue value, out bool evicted) => PeekOrAdd(key, value, out _, out evicted);

    /// <inheritdoc />
    public bool PeekOrAdd(TKey key, TValue value, out TValue previous, out bool evicted)
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
    public bool TryGetOldest(out TKey key, out TValue value)
    {
        lock (_lock)
        {
            LruNode<TKey, TValue>? oldest = _ring.Oldest();
            key = oldest is null ? default! : oldest.Key;
            value = oldest is null ? default! : oldest.Value;
            return oldest is not null;
        }
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
    public IReadOnlyList<TKey> Keys()
    {
        lock (_lock)
        {
            return _ring.EvictionOrder().ConvertAll(n => n.Key);
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<TValue> Values()
    {
        lock (_lock)
        {
            return _ring.EvictionOrder().ConvertAll(n => n.Value);
        }
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
    public LruInvariantReport CheckInvariants()
    {
        lock (_lock)
        {
            return _ring.CheckInvariants(_capacity);
        }
    }

    private TValue AddIfAbsent(TKey key, TValue value)
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

    /// <summary>Outside the lock: tells the handlers about each entry that left, in the order they left.</summary>
    private void Raise(List<LruEviction<TKey, TValue>>? left) => EvictionLog<TKey, TValue>.Raise(left, Volatile.Read(ref _evicted));
}
