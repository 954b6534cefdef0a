namespace ActorConcurrency.SharedState.Lru;

/// <summary>
/// The caches' null-key check. Not <c>ArgumentNullException.ThrowIfNull</c>: it takes an object, and
/// unoptimised (Debug) code boxes a value-type key to call it, 24 B per operation; a value type is never
/// null, and the JIT drops this whole test for one.
/// </summary>
internal static class KeyGuard
{
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    public static void ThrowIfNull<TKey>(TKey key)
    {
        if (!typeof(TKey).IsValueType && key is null)
        {
            throw new ArgumentNullException(nameof(key));
        }
    }
}
