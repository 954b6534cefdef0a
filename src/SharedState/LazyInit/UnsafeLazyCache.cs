namespace ActorConcurrency.SharedState.LazyInit;

/// <summary>
/// Task 5, the broken form kept for contrast: check-then-create with no synchronisation. Two callers that
/// both see <c>null</c> before either stores both run the initialiser and hand out different caches; the
/// plain store also publishes the reference with no ordering (see <see cref="DoubleCheckedCache"/>).
/// </summary>
/// <remarks>If the initialiser throws, nothing is stored and the next caller runs it again.</remarks>
public sealed class UnsafeLazyCache : ICacheHolder
{
    private readonly Func<Cache> _initialise;

    /// <summary>Read and written with plain loads and stores: no atomicity, no ordering.</summary>
    private Cache? _cache;

    /// <summary>Keeps <paramref name="initialise"/> for the first <see cref="GetCache()"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="initialise"/> is null.</exception>
    public UnsafeLazyCache(Func<Cache> initialise)
    {
        ArgumentNullException.ThrowIfNull(initialise);
        _initialise = initialise;
    }

    /// <inheritdoc />
    public Cache GetCache() => GetCache(betweenCheckAndCreate: static () => { });

    /// <summary>
    /// The same check-then-create, split so a caller can run code after the check saw no cache and before
    /// the initialiser runs. Specs and demonstrations use it to force two initialisations with gates.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="betweenCheckAndCreate"/> is null.</exception>
    public Cache GetCache(Action betweenCheckAndCreate)
    {
        ArgumentNullException.ThrowIfNull(betweenCheckAndCreate);
        Cache? cache = _cache;
        if (cache is null)
        {
            // The race: another caller can pass the same check before this one stores, and build a second cache.
            betweenCheckAndCreate();
            cache = _initialise();
            _cache = cache;
        }

        return cache;
    }
}
