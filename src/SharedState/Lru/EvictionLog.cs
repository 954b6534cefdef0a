namespace ActorConcurrency.SharedState.Lru;

/// <summary>
/// The entries that left a cache during its owner's current critical section (or handler), collected only
/// while <see cref="Recording"/> is set (the owner has someone to tell) and handed over by <see cref="Take"/>,
/// so the owner tells its listeners after the lock is released. Not thread-safe: its owner serialises every
/// call, like the structure it belongs to.
/// </summary>
internal sealed class EvictionLog<TKey, TValue>
{
    private List<LruEviction<TKey, TValue>>? _pending;

    /// <summary>Whether entries that leave are collected.</summary>
    public bool Recording { get; set; }

    /// <summary>Notes that <paramref name="node"/> left for <paramref name="reason"/>, when recording.</summary>
    public void Record(LruNode<TKey, TValue> node, LruEvictionReason reason)
    {
        if (Recording)
        {
            (_pending ??= []).Add(new LruEviction<TKey, TValue>(node.Key, node.Value, reason));
        }
    }

    /// <summary>The entries that left since the last call (oldest first), or null when none did or none were recorded.</summary>
    public List<LruEviction<TKey, TValue>>? Take()
    {
        List<LruEviction<TKey, TValue>>? taken = _pending;
        if (taken is not null)
        {
            _pending = null; // written only when there was something: the common call stores nothing
        }

        return taken;
    }

    /// <summary>Outside the owner's lock: tells <paramref name="handlers"/> of each entry that left, in the order they left.</summary>
    public static void Raise(List<LruEviction<TKey, TValue>>? left, Action<LruEviction<TKey, TValue>>? handlers)
    {
        if (left is null || handlers is null)
        {
            return;
        }

        foreach (LruEviction<TKey, TValue> eviction in left)
        {
            handlers(eviction);
        }
    }
}
