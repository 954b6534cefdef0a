namespace ActorConcurrency.SharedState.Lru;

/// <summary>
/// Task 13: a bounded cache that evicts its least recently used entry when a new key would overflow it —
/// the surface of golang-lru v2's <c>Cache</c> (and what BitFaster's <c>ConcurrentLru</c> users reach for).
/// "Used" means read by a promoting lookup (<see cref="TryGet"/>, <see cref="GetOrAdd"/>) or written by
/// <see cref="Set"/>/<see cref="TryUpdate"/>; <see cref="TryPeek"/>, <see cref="Contains"/>,
/// <see cref="ContainsOrAdd"/> and <see cref="PeekOrAdd"/> of a present key leave the order alone.
/// <see cref="LruCache{TKey,TValue}"/> and the owner actor (ActorConcurrency.Actors.Lru) keep the exact
/// order; <see cref="ClockLruCache{TKey,TValue}"/> approximates it (a hit sets a reference bit instead of
/// moving the entry; see its summary and docs/lru.md), and every member below means the same in each.
/// <para>
/// <see cref="Evicted"/> fires once per entry that leaves the cache — for room (Set, GetOrAdd,
/// ContainsOrAdd, PeekOrAdd), by Remove/TryRemoveOldest, Clear or a shrinking Resize — never for a value
/// overwritten by Set or TryUpdate. It is raised on the calling thread after the cache's lock is
/// released, so a handler may call back into the cache; a handler that throws stops the remaining
/// notifications of that call (the cache itself is already consistent).
/// </para>
/// </summary>
/// <typeparam name="TKey">The key; never null.</typeparam>
/// <typeparam name="TValue">The value.</typeparam>
public interface ILruCache<TKey, TValue>
    where TKey : notnull
{
    /// <summary>Raised after the lock is released, once for each entry that left (see the type's summary).</summary>
    event Action<LruEviction<TKey, TValue>>? Evicted;

    /// <summary>How many entries the cache holds at most (at least 1; changed by <see cref="Resize"/>).</summary>
    int Capacity { get; }

    /// <summary>How many entries the cache holds now.</summary>
    int Count { get; }

    /// <summary>Hits, misses and evictions counted so far.</summary>
    LruMetrics Metrics { get; }

    /// <summary>Reads the value of <paramref name="key"/>; a hit makes the entry the most recently used. Counted in <see cref="Metrics"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    bool TryGet(TKey key, out TValue value);

    /// <summary>Reads the value of <paramref name="key"/> without changing its recency (golang-lru's Peek). Not counted.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    bool TryPeek(TKey key, out TValue value);

    /// <summary>Whether <paramref name="key"/> is cached, without changing its recency. Not counted.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    bool Contains(TKey key);

    /// <summary>
    /// Stores <paramref name="value"/> under <paramref name="key"/> as the most recently used entry; when the
    /// key is new and the cache is full, the least recently used entry is evicted first.
    /// </summary>
    /// <returns>True when an entry was evicted to make room (golang-lru's Add).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    bool Set(TKey key, TValue value);

    /// <summary>Replaces the value of a cached key and makes it the most recently used; false (and nothing stored) when the key is absent.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    bool TryUpdate(TKey key, TValue value);

    /// <summary>
    /// The cached value of <paramref name="key"/> (a promoting, counted lookup), or else the value
    /// <paramref name="factory"/> makes, stored as the most recently used. The factory runs outside the lock
    /// and may run on several threads at once for one key; the value stored first wins and every caller gets it.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> or <paramref name="factory"/> is null.</exception>
    TValue GetOrAdd(TKey key, Func<TKey, TValue> factory);

    /// <summary>As <see cref="GetOrAdd"/>, with an asynchronous factory (awaited outside the lock).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> or <paramref name="factory"/> is null.</exception>
    ValueTask<TValue> GetOrAddAsync(TKey key, Func<TKey, Task<TValue>> factory);

    /// <summary>
    /// If <paramref name="key"/> is cached, leaves it alone (no recency change) and returns true; otherwise
    /// stores <paramref name="value"/> as the most recently used and returns false.
    /// </summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The value to store when the key is absent.</param>
    /// <param name="evicted">True when storing evicted another entry.</param>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    bool ContainsOrAdd(TKey key, TValue value, out bool evicted);

    /// <summary>As <see cref="ContainsOrAdd"/>, also handing back the value already cached in <paramref name="previous"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    bool PeekOrAdd(TKey key, TValue value, out TValue previous, out bool evicted);

    /// <summary>Removes <paramref name="key"/>; false when it was not cached.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    bool Remove(TKey key);

    /// <summary>The entry the next eviction would take (the least recently used), without removing it or changing recency.</summary>
    bool TryGetOldest(out TKey key, out TValue value);

    /// <summary>Removes and returns the least recently used entry; false when empty.</summary>
    bool TryRemoveOldest(out TKey key, out TValue value);

    /// <summary>The keys from the least to the most recently used (the order evictions would take them), as one consistent snapshot.</summary>
    IReadOnlyList<TKey> Keys();

    /// <summary>The values in the order of <see cref="Keys"/>, as one consistent snapshot.</summary>
    IReadOnlyList<TValue> Values();

    /// <summary>Changes the capacity; when it shrinks below the count, evicts the least recently used entries.</summary>
    /// <returns>How many entries were evicted.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is below 1.</exception>
    int Resize(int capacity);

    /// <summary>Removes every entry (golang-lru's Purge); each is reported as <see cref="LruEvictionReason.Cleared"/>.</summary>
    void Clear();

    /// <summary>Checks the structural invariants (see <see cref="LruInvariants"/>) on one consistent snapshot.</summary>
    LruInvariantReport CheckInvariants();
}
