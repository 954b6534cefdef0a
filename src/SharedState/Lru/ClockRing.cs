namespace ActorConcurrency.SharedState.Lru;

/// <summary>
/// The CLOCK structure of <see cref="ClockLruCache{TKey,TValue}"/>, for one writer at a time (the cache's
/// lock) and any number of lock-free readers (the table's Find only, which the cache calls directly): the <see cref="LockFreeReadTable{TKey,TValue}"/>
/// and the list in insertion order, front = newest, with the second-chance sweep and the eviction order
/// that the cache reports. It knows nothing of locks or callbacks; the cache does.
/// <para>
/// The counters the writer changes on every Set (the published count, the evictions) live here, not in the
/// cache object: every lookup loads the cache's fields, and a store beside them would take that cache line
/// away from the readers' cores on each Set (measured: 10 % of the 2-thread 90/10 time).
/// </para>
/// </summary>
internal sealed class ClockRing<TKey, TValue>
    where TKey : notnull
{
    private readonly LockFreeReadTable<TKey, TValue> _map;
    private readonly LruList<TKey, TValue> _list;

    /// <summary>The count as last published by the writer, for lock-free readers (acquire).</summary>
    private int _publishedCount;

    /// <summary>Entries evicted to make room or by a shrink; written by the writer, read lock-free (acquire).</summary>
    private long _evictions;

    /// <summary>A ring over <paramref name="map"/>, an empty table the cache allocated before the ring (see its constructor).</summary>
    public ClockRing(LockFreeReadTable<TKey, TValue> map)
    {
        _map = map;
        _list = new LruList<TKey, TValue>();
    }

    /// <summary>Writer only.</summary>
    public int Count => _list.Count;

    /// <summary>Any thread: the count after the writer's last change.</summary>
    public int PublishedCount => Volatile.Read(ref _publishedCount);

    /// <summary>Any thread: evictions so far.</summary>
    public long Evictions => Volatile.Read(ref _evictions);

    /// <summary>Writer only: one more eviction.</summary>
    public void CountEviction() => Volatile.Write(ref _evictions, _evictions + 1);

    /// <summary>
    /// A Set of a present key whose value cannot be stored in place: the new node takes the old one's place in
    /// the list and, in one release store, in the table, so a reader sees the old node or the new one.
    /// </summary>
    public void Replace(LruNode<TKey, TValue> old, LruNode<TKey, TValue> node)
    {
        _list.Replace(old, node);
        _map.Replace(old, node);
    }

    /// <summary>Inserts a node of an absent key at the front (the caller made room).</summary>
    public void Insert(LruNode<TKey, TValue> node)
    {
        _map.Add(node);
        _list.AddFirst(node);
        Volatile.Write(ref _publishedCount, _list.Count);
    }

    /// <summary>Takes a node out of the list and the table.</summary>
    public void Unlink(LruNode<TKey, TValue> node)
    {
        _list.Remove(node);
        _map.Remove(node);
        Volatile.Write(ref _publishedCount, _list.Count);
    }

    /// <summary>
    /// The second-chance sweep, on a non-empty ring. From the back, each referenced entry has its bit cleared
    /// and moves to the front; the first unreferenced one is returned. Bounded by the count, so readers
    /// setting bits while it runs cannot keep it going: after one full turn every bit it met is clear.
    /// </summary>
    public LruNode<TKey, TValue> Sweep()
    {
        LruNode<TKey, TValue> victim = _list.Last!;
        for (int turned = 0; victim.Referenced && turned < _list.Count; turned++)
        {
            victim.Referenced = false;
            _list.MoveToFirst(victim);
            victim = _list.Last!;
        }

        return victim;
    }

    /// <summary>The entry the next sweep would return, without sweeping: the backmost unreferenced one, or (all referenced) the back one.</summary>
    public LruNode<TKey, TValue>? Oldest()
    {
        foreach (LruNode<TKey, TValue> node in _list.NodesOldestFirst())
        {
            if (!node.Referenced)
            {
                return node;
            }
        }

        return _list.Last;
    }

    /// <summary>The order evictions would take: unreferenced entries back to front, then referenced ones back to front.</summary>
    public List<LruNode<TKey, TValue>> EvictionOrder()
    {
        List<LruNode<TKey, TValue>> nodes = _list.NodesOldestFirst();
        var order = new List<LruNode<TKey, TValue>>(nodes.Count);
        order.AddRange(nodes.Where(n => !n.Referenced));
        order.AddRange(nodes.Where(n => n.Referenced));
        return order;
    }

    /// <summary>
    /// Makes the table big enough for <paramref name="capacity"/>. Its chains cannot be rehashed in place
    /// (readers walk them), so fresh copies of the nodes — same key, value, reference bit and order — go into
    /// a new table and a new list; readers still on the old nodes read the same values.
    /// </summary>
    public void EnsureFits(int capacity)
    {
        if (_map.Fits(capacity))
        {
            return;
        }

        List<LruNode<TKey, TValue>> copies = _list.NodesOldestFirst().ConvertAll(n => new LruNode<TKey, TValue>(n.Key, n.Value) { Referenced = n.Referenced });
        _list.Clear();
        foreach (LruNode<TKey, TValue> copy in copies)
        {
            _list.AddFirst(copy);
        }

        _map.Rebuild(capacity, copies);
    }

    /// <summary>Empties the ring; readers on the old table finish there.</summary>
    public void Clear(int capacity)
    {
        _map.Clear(capacity);
        _list.Clear();
        Volatile.Write(ref _publishedCount, 0);
    }

    /// <summary>Checks <see cref="LruInvariants"/> on the table's keys and the list.</summary>
    public LruInvariantReport CheckInvariants(int capacity) =>
        LruInvariants.Check(_map.Keys(), _list.KeysForward(), _list.LinksAgree(), capacity, _map.Comparer);
}
