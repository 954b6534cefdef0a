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
public sealed partial class ClockLruCache<TKey, TValue> : LruCacheBase<TKey, TValue>, ILruCache<TKey, TValue>
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
    private protected override Lock Gate => _lock;

    /// <inheritdoc />
    public int Capacity => Volatile.Read(ref _capacity);

    /// <inheritdoc />
    public int Count => _ring.PublishedCount;

    /// <inheritdoc />
    public LruMetrics Metrics => new(_counts.Hits, _counts.Misses, _ring.Evictions);

    /// <inheritdoc />
    public override bool TryGet(TKey key, out TValue value)
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
    public LruInvariantReport CheckInvariants()
    {
        lock (_lock)
        {
            return _ring.CheckInvariants(_capacity);
        }
    }
}
