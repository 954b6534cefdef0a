using System.Diagnostics;
using System.Numerics;

namespace ActorConcurrency.SharedState.Lru;

/// <summary>
/// The map of <see cref="ClockLruCache{TKey,TValue}"/>: a chained hash table whose lookups take no lock and
/// write nothing, and whose writers are serialised by the cache's lock (so the table needs none of its own,
/// unlike a <c>ConcurrentDictionary</c>, which takes a bucket lock and allocates a node per insert). The
/// chains run through the cache's own <see cref="LruNode{TKey,TValue}"/>s, so an insert allocates nothing.
/// <para>
/// The races it handles: a node is fully built before a release store publishes it at its bucket's head, so a
/// reader that finds it sees its key and value. A removal relinks the predecessor past the node and leaves
/// the node's own <see cref="LruNode{TKey,TValue}.NextInBucket"/> alone, so a reader standing on it walks on
/// to the rest of the chain. A reader may therefore return an entry removed while it looked — the lookup
/// then linearizes just before that removal. The bucket array is never rehashed in place: it is sized for
/// the capacity, and <see cref="Rebuild"/> chains copies of the nodes into a new array, leaving the old
/// chains intact for readers still on them.
/// </para>
/// </summary>
internal sealed class LockFreeReadTable<TKey, TValue>
    where TKey : notnull
{
    private readonly IEqualityComparer<TKey>? _comparer;

    /// <summary>Replaced whole (release store) by <see cref="Rebuild"/> and <see cref="Clear"/>; its slots are written only by the locked writer.</summary>
    private LruNode<TKey, TValue>?[] _buckets;

    public LockFreeReadTable(int capacity, IEqualityComparer<TKey>? comparer)
    {
        // The default comparer of a value type is devirtualised by the JIT when called through EqualityComparer<TKey>.Default.
        _comparer = typeof(TKey).IsValueType && (comparer is null || ReferenceEquals(comparer, EqualityComparer<TKey>.Default)) ? null : comparer ?? EqualityComparer<TKey>.Default;
        _buckets = new LruNode<TKey, TValue>?[BucketCountFor(capacity)];
    }

    public IEqualityComparer<TKey> Comparer => _comparer ?? EqualityComparer<TKey>.Default;

    /// <summary>How many buckets a table for <paramref name="capacity"/> entries has: a power of two, at least twice the capacity.</summary>
    public static int BucketCountFor(int capacity) => (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(2, Math.Min(capacity, 1 << 29) * 2));

    /// <summary>Whether a table of this many buckets still serves <paramref name="capacity"/> entries.</summary>
    public bool Fits(int capacity) => _buckets.Length >= BucketCountFor(capacity) / 2;

    /// <summary>Lock-free: the node of <paramref name="key"/>, or null.</summary>
    public LruNode<TKey, TValue>? Find(TKey key)
    {
        LruNode<TKey, TValue>?[] buckets = Volatile.Read(ref _buckets);
        int hash = HashOf(key);
        LruNode<TKey, TValue>? node = Volatile.Read(ref buckets[hash & (buckets.Length - 1)]);
        while (node is not null)
        {
            if (node.Hash == hash && KeyEquals(node.Key, key))
            {
                return node;
            }

            node = Volatile.Read(ref node.NextInBucket);
        }

        return null;
    }

    /// <summary>Writer only: publishes <paramref name="node"/> (its key absent) at its bucket's head.</summary>
    public void Add(LruNode<TKey, TValue> node)
    {
        LruNode<TKey, TValue>?[] buckets = _buckets;
        node.Hash = HashOf(node.Key);
        ref LruNode<TKey, TValue>? head = ref buckets[node.Hash & (buckets.Length - 1)];
        node.NextInBucket = head;
        Volatile.Write(ref head, node); // release: the node's fields are visible before the node is
    }

    /// <summary>Writer only: unlinks <paramref name="node"/> from its chain, leaving its own link for readers on it.</summary>
    public void Remove(LruNode<TKey, TValue> node) => Relink(node, node.NextInBucket);

    /// <summary>Writer only: replaces <paramref name="old"/> by <paramref name="node"/> (same key) in one release store.</summary>
    public void Replace(LruNode<TKey, TValue> old, LruNode<TKey, TValue> node)
    {
        node.Hash = old.Hash;
        node.NextInBucket = old.NextInBucket;
        Relink(old, node);
    }

    /// <summary>
    /// Writer only: points the link that leads to <paramref name="node"/> (its bucket's head or its predecessor's
    /// <see cref="LruNode{TKey,TValue}.NextInBucket"/>) at <paramref name="next"/>, with one release store. The
    /// link is named outright rather than walked to through a reassigned <c>ref</c> local, so the store's target
    /// is plain to a reader of the code and to race mode's rewriter alike.
    /// </summary>
    private void Relink(LruNode<TKey, TValue> node, LruNode<TKey, TValue>? next)
    {
        LruNode<TKey, TValue>?[] buckets = _buckets;
        int bucket = node.Hash & (buckets.Length - 1);
        LruNode<TKey, TValue>? previous = null;
        for (LruNode<TKey, TValue>? current = buckets[bucket]; current != node; current = current.NextInBucket)
        {
            Debug.Assert(current is not null, "the node is in its chain");
            previous = current;
        }

        if (previous is null)
        {
            Volatile.Write(ref buckets[bucket], next);
        }
        else
        {
            Volatile.Write(ref previous.NextInBucket, next);
        }
    }

    /// <summary>Writer only: a new, empty bucket array; readers on the old one finish there.</summary>
    public void Clear(int capacity) => Volatile.Write(ref _buckets, new LruNode<TKey, TValue>?[BucketCountFor(capacity)]);

    /// <summary>Writer only: a new bucket array sized for <paramref name="capacity"/>, holding <paramref name="nodes"/> (fresh copies, not yet in any chain).</summary>
    public void Rebuild(int capacity, IEnumerable<LruNode<TKey, TValue>> nodes)
    {
        var buckets = new LruNode<TKey, TValue>?[BucketCountFor(capacity)];
        foreach (LruNode<TKey, TValue> node in nodes)
        {
            node.Hash = HashOf(node.Key);
            ref LruNode<TKey, TValue>? head = ref buckets[node.Hash & (buckets.Length - 1)];
            node.NextInBucket = head;
            head = node;
        }

        Volatile.Write(ref _buckets, buckets); // release: every chain is complete before the array is published
    }

    /// <summary>Writer only: every key, walking every chain.</summary>
    public List<TKey> Keys()
    {
        var keys = new List<TKey>();
        foreach (LruNode<TKey, TValue>? head in _buckets)
        {
            for (LruNode<TKey, TValue>? n = head; n is not null; n = n.NextInBucket)
            {
                keys.Add(n.Key);
            }
        }

        return keys;
    }

    /// <summary>Fibonacci hashing, then the high half folded down: the low bits that pick the bucket depend on every bit of the key's hash code.</summary>
    private int HashOf(TKey key)
    {
        uint code = (uint)(_comparer is null ? EqualityComparer<TKey>.Default.GetHashCode(key) : _comparer.GetHashCode(key)) * 0x9E3779B9u;
        return (int)(code ^ (code >> 16));
    }

    private bool KeyEquals(TKey a, TKey b) => _comparer is null ? EqualityComparer<TKey>.Default.Equals(a, b) : _comparer.Equals(a, b);
}
