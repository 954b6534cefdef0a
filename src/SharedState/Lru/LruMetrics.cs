namespace ActorConcurrency.SharedState.Lru;

/// <summary>
/// What an LRU has counted since it was created: <paramref name="Hits"/> and <paramref name="Misses"/> of
/// the lookups that promote (TryGet, GetOrAdd; Peek and Contains are not counted), and
/// <paramref name="Evictions"/>, the entries it dropped on its own (for room, or by a shrinking Resize;
/// not removals or clears the caller asked for).
/// </summary>
/// <param name="Hits">Promoting lookups that found their key.</param>
/// <param name="Misses">Promoting lookups that did not.</param>
/// <param name="Evictions">Entries dropped for capacity (reasons <see cref="LruEvictionReason.Evicted"/> and <see cref="LruEvictionReason.Resized"/>).</param>
public readonly record struct LruMetrics(long Hits, long Misses, long Evictions)
{
    /// <summary>Hits over hits plus misses; 0 before the first lookup.</summary>
    public double HitRatio => Hits + Misses == 0 ? 0 : (double)Hits / (Hits + Misses);
}
