using System.Diagnostics;

namespace ActorConcurrency.SharedState.Lru;

/// <summary>
/// One entry of an <see cref="LruList{TKey,TValue}"/>. The key never changes after construction, so a node
/// found through a concurrent map can be read without a lock: the map's publication of the node orders the
/// constructor's writes before the reader's reads. The value changes only through <see cref="Update"/>, and
/// only where a store of it cannot tear (<see cref="UpdatesInPlace"/>); any other update replaces the node.
/// </summary>
internal sealed class LruNode<TKey, TValue>
{
    private TValue _value;

    public LruNode(TKey key, TValue value)
    {
        Key = key;
        _value = value;
    }

    /// <summary>Whether <see cref="Update"/> may be used: a <typeparamref name="TValue"/> store cannot tear.</summary>
    public static bool UpdatesInPlace => AtomicValue<TValue>.IsWriteAtomic;

    public TKey Key { get; }

    /// <summary>The value; an acquire load where <see cref="Update"/> may change it under lock-free readers.</summary>
    public TValue Value => AtomicValue<TValue>.IsWriteAtomic ? AtomicValue<TValue>.Read(ref _value) : _value;

    /// <summary>The owner only (under its lock), and only when <see cref="UpdatesInPlace"/>: a release store of the new value.</summary>
    public void Update(TValue value)
    {
        Debug.Assert(UpdatesInPlace, "only a value whose store cannot tear is updated in place");
        AtomicValue<TValue>.Write(ref _value, value);
    }

    /// <summary>Towards the most recently used end; touched only by the list's owner (under its lock).</summary>
    public LruNode<TKey, TValue>? Previous { get; set; }

    /// <summary>Towards the least recently used end; touched only by the list's owner (under its lock).</summary>
    public LruNode<TKey, TValue>? Next { get; set; }

    /// <summary>True while the node is in the list.</summary>
    public bool IsLinked { get; set; }

    /// <summary>
    /// <see cref="ClockLruCache{TKey,TValue}"/>'s reference bit: set by a lock-free hit, read and cleared by
    /// the eviction sweep under the lock. A hit racing with the sweep may be lost (the entry is then treated
    /// as not used since the last sweep), which is the approximation that form accepts. Unused by the exact forms.
    /// Read and written with <see cref="Volatile"/>: lock-free hits on several threads touch it at once, which
    /// would be a data race with plain accesses (race mode reports it). On x64 and Arm64 a volatile byte load
    /// or store costs what a plain one does on the hit path.
    /// </summary>
    public bool Referenced
    {
        get => Volatile.Read(ref _referenced);
        set => Volatile.Write(ref _referenced, value);
    }

    private bool _referenced;

    /// <summary><see cref="LockFreeReadTable{TKey,TValue}"/>: the key's hash, fixed at insertion. Unused by the other forms.</summary>
    public int Hash;

    /// <summary>
    /// <see cref="LockFreeReadTable{TKey,TValue}"/>: the next node of the same bucket. Written by the table's
    /// (single, locked) writer with release semantics, read lock-free by lookups; never changed once the node
    /// itself has left its chain, so a reader standing on a removed node still walks on to the rest.
    /// </summary>
    public LruNode<TKey, TValue>? NextInBucket;
}
