using System.Collections.Concurrent;
using System.Diagnostics;

namespace ActorConcurrency.SharedState.Lru;

/// <summary>
/// Task 13, the low-contention form: <see cref="TryGet"/> takes no lock. The map is a
/// <see cref="ConcurrentDictionary{TKey,TValue}"/> that readers search lock-free; a hit does not move its
/// node to the front at once but records the promotion in a buffer, and whoever next holds the lock
/// (a <see cref="Set"/>, a <see cref="Remove"/>, a snapshot, or a reader that finds the buffer past
/// <see cref="DrainThreshold"/> and wins a <see cref="Lock.TryEnter()"/>) replays the buffered promotions
/// in order before doing its own work. Writers still serialise on the lock.
/// <para>
/// What it gives up, and only under concurrency: (1) a hit that races with an eviction may be evicted
/// before its promotion is replayed, so the victim is not always the exact least recently used entry;
/// (2) when the buffer is full (<see cref="MaxPendingPromotions"/>, readers outrunning the lock) further
/// promotions are dropped and counted in <see cref="DroppedPromotions"/>, so recency is approximate;
/// (3) between an eviction and the insert that caused it a reader can find neither key. Used by one
/// thread at a time it is exactly the LRU of <see cref="LruCache{TKey,TValue}"/> (the model-based
/// properties check this), and every structural invariant holds at every lock release.
/// </para>
/// </summary>
/// <typeparam name="TKey">The key; never null.</typeparam>
/// <typeparam name="TValue">The value.</typeparam>
public sealed class DeferredPromotionLruCache<TKey, TValue> : ILruCache<TKey, TValue>
    where TKey : notnull
{
    /// <summary>A reader that brings the buffer to this many promotions tries to replay them.</summary>
    public const int DrainThreshold = 64;

    /// <summary>Past this many buffered promotions, readers drop theirs instead of growing the buffer.</summary>
    public const int MaxPendingPromotions = 4096;

    private readonly Lock _lock = new();

    /// <summary>Written only under <see cref="_lock"/>; read lock-free by <see cref="TryGet"/>. Nodes are immutable, so a found node is safely published.</summary>
    private readonly ConcurrentDictionary<TKey, LruNode<TKey, TValue>> _map;

    /// <summary>The recency order; touched only under <see cref="_lock"/>.</summary>
    private readonly LruList<TKey, TValue> _list = new();

    /// <summary>Hits whose promotion is not replayed yet, in the order they were recorded.</summary>
    private readonly ConcurrentQueue<LruNode<TKey, TValue>> _pending = new();

    /// <summary>How many promotions are recorded and not yet replayed (incremented before the enqueue, so it may run ahead of the queue).</summary>
    private int _pendingCount;

    /// <summary>Entries held; written under <see cref="_lock"/>, read with acquire semantics by <see cref="Count"/>.</summary>
    private int _count;

    private long _droppedPromotions;

    /// <summary>Creates an empty cache of <paramref name="capacity"/> entries.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is below 1.</exception>
    public DeferredPromotionLruCache(int capacity, IEqualityComparer<TKey>? comparer = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;

        // Every write happens under _lock, so one lock stripe inside the dictionary is enough.
        _map = new ConcurrentDictionary<TKey, LruNode<TKey, TValue>>(1, Math.Min(capacity, 1 << 16), comparer);
    }

    /// <inheritdoc />
    public int Capacity { get; }

    /// <inheritdoc />
    public int Count => Volatile.Read(ref _count);

    /// <summary>Promotions dropped because the buffer was full: how far recency may be from exact.</summary>
    public long DroppedPromotions => Interlocked.Read(ref _droppedPromotions);

    /// <inheritdoc />
    public bool TryGet(TKey key, out TValue value)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!_map.TryGetValue(key, out LruNode<TKey, TValue>? node))
        {
            value = default!;
            return false;
        }

        // The node is immutable and was published by the dictionary, so its value is complete. A Set of
        // the same key may replace it right now: this read is then ordered before that Set, and its
        // promotion (of the replaced, unlinked node) is skipped at replay.
        value = node.Value;
        RecordPromotion(node);
        return true;
    }

    /// <inheritdoc />
    public void Set(TKey key, TValue value)
    {
        ArgumentNullException.ThrowIfNull(key);
        var node = new LruNode<TKey, TValue>(key, value);
        lock (_lock)
        {
            // Replay first, so the eviction below sees every promotion recorded before this Set.
            ReplayPromotions();
            if (_map.TryGetValue(key, out LruNode<TKey, TValue>? old))
            {
                _list.Remove(old);
                _map[key] = node; // one atomic swap: a reader sees the old node or the new one
            }
            else
            {
                if (_list.Count == Capacity)
                {
                    LruNode<TKey, TValue> victim = _list.Last!;
                    _list.Remove(victim);
                    _map.TryRemove(victim.Key, out _);
                }

                _map[key] = node;
            }

            _list.AddFirst(node);
            Volatile.Write(ref _count, _list.Count);
            Debug.Assert(_list.Count <= Capacity, "count within capacity");
        }
    }

    /// <inheritdoc />
    public bool Remove(TKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        lock (_lock)
        {
            ReplayPromotions();
            if (!_map.TryRemove(key, out LruNode<TKey, TValue>? node))
            {
                return false;
            }

            _list.Remove(node);
            Volatile.Write(ref _count, _list.Count);
            return true;
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<TKey> RecencyOrder()
    {
        lock (_lock)
        {
            ReplayPromotions();
            return _list.KeysForward();
        }
    }

    /// <inheritdoc />
    public LruInvariantReport CheckInvariants()
    {
        lock (_lock)
        {
            ReplayPromotions();
            return LruInvariants.Check(_map.Keys.ToList(), _list.KeysForward(), _list.LinksAgree(), Capacity, _map.Comparer);
        }
    }

    private void RecordPromotion(LruNode<TKey, TValue> node)
    {
        int pending = Interlocked.Increment(ref _pendingCount);
        if (pending > MaxPendingPromotions)
        {
            // Readers outran every lock holder: keep memory bounded and give up this promotion.
            Interlocked.Decrement(ref _pendingCount);
            Interlocked.Increment(ref _droppedPromotions);
            TryReplayPromotions();
            return;
        }

        _pending.Enqueue(node);
        if (pending >= DrainThreshold)
        {
            TryReplayPromotions();
        }
    }

    /// <summary>Replays the buffer if the lock is free; a reader never waits for the lock.</summary>
    private void TryReplayPromotions()
    {
        if (_lock.TryEnter())
        {
            try
            {
                ReplayPromotions();
            }
            finally
            {
                _lock.Exit();
            }
        }
    }

    /// <summary>Under <see cref="_lock"/>: applies the buffered promotions in the order they were recorded.</summary>
    private void ReplayPromotions()
    {
        Debug.Assert(_lock.IsHeldByCurrentThread, "replay runs under the lock");
        int replayed = 0;
        while (_pending.TryDequeue(out LruNode<TKey, TValue>? node))
        {
            replayed++;

            // The node may have been replaced by a Set or removed since the hit: its promotion is moot.
            if (node.IsLinked)
            {
                _list.MoveToFirst(node);
            }
        }

        if (replayed != 0)
        {
            Interlocked.Add(ref _pendingCount, -replayed);
        }
    }
}
