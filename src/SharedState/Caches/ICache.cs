namespace ActorConcurrency.SharedState.Caches;

/// <summary>
/// Task 7: the cache every lock form guards: a dictionary read by many threads and written by a few.
/// The forms differ only in the lock, so a benchmark of them measures the lock, not the map.
/// </summary>
/// <typeparam name="TKey">The key.</typeparam>
/// <typeparam name="TValue">The cached value.</typeparam>
public interface ICache<TKey, TValue>
    where TKey : notnull
{
    /// <summary>Reads the value cached for <paramref name="key"/>, if any.</summary>
    bool TryGet(TKey key, out TValue value);

    /// <summary>Caches <paramref name="value"/> for <paramref name="key"/>, replacing any earlier value.</summary>
    void Set(TKey key, TValue value);

    /// <summary>How many keys are cached.</summary>
    int Count { get; }
}
