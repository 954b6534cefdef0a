namespace ActorConcurrency.SharedState.Lru;

/// <summary>One entry that left an LRU: its key, the value it held, and why it left.</summary>
/// <param name="Key">The entry's key.</param>
/// <param name="Value">The value the entry held when it left.</param>
/// <param name="Reason">Why it left.</param>
public readonly record struct LruEviction<TKey, TValue>(TKey Key, TValue Value, LruEvictionReason Reason);
