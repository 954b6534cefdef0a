namespace ActorConcurrency.SharedState.Lru;

/// <summary>Why an entry left an LRU, as reported by its eviction callback (see <see cref="ILruCache{TKey,TValue}.Evicted"/>).</summary>
public enum LruEvictionReason
{
    /// <summary>A new key needed room in a full cache (Set, GetOrAdd, ContainsOrAdd, PeekOrAdd, TryUpdate never evicts).</summary>
    Evicted,

    /// <summary>The caller removed it (Remove, TryRemoveOldest).</summary>
    Removed,

    /// <summary>Clear emptied the cache.</summary>
    Cleared,

    /// <summary>Resize shrank the capacity below the count.</summary>
    Resized,
}
