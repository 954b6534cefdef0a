namespace ActorConcurrency.SharedState.Lru;

/// <summary>
/// Task 13: a bounded cache that evicts its least recently used entry when a new key would overflow it.
/// "Used" means read by a hit of <see cref="TryGet"/> or written by <see cref="Set"/>. Every form
/// (<see cref="LruCache{TKey,TValue}"/>, <see cref="DeferredPromotionLruCache{TKey,TValue}"/>, and the
/// owner actor in ActorConcurrency.Actors.Lru) has these operations and this sequential meaning.
/// </summary>
/// <typeparam name="TKey">The key; never null.</typeparam>
/// <typeparam name="TValue">The value.</typeparam>
public interface ILruCache<TKey, TValue>
    where TKey : notnull
{
    /// <summary>How many entries the cache holds at most (at least 1).</summary>
    int Capacity { get; }

    /// <summary>How many entries the cache holds now.</summary>
    int Count { get; }

    /// <summary>Reads the value of <paramref name="key"/>; a hit makes the entry the most recently used.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    bool TryGet(TKey key, out TValue value);

    /// <summary>
    /// Stores <paramref name="value"/> under <paramref name="key"/> as the most recently used entry; when the
    /// key is new and the cache is full, the least recently used entry is evicted first.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    void Set(TKey key, TValue value);

    /// <summary>Removes <paramref name="key"/>; false when it was not cached.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    bool Remove(TKey key);

    /// <summary>The keys from the most to the least recently used, as one consistent snapshot.</summary>
    IReadOnlyList<TKey> RecencyOrder();

    /// <summary>Checks the structural invariants (see <see cref="LruInvariants"/>) on one consistent snapshot.</summary>
    LruInvariantReport CheckInvariants();
}
