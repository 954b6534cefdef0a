namespace ActorConcurrency.SharedState.LazyInit;

/// <summary>
/// Task 5, <see cref="LazyInitializer"/> form, with the overload that takes a <c>ref bool</c> and a lock
/// object: that one runs the initialiser under the lock, so exactly once. (The two-argument overload
/// <c>EnsureInitialized(ref target, factory)</c> only publishes once: racing callers may each run the
/// factory and all but one result are thrown away — not "init once".)
/// </summary>
/// <remarks>
/// No wrapper object and no delegate allocation per call, unlike <see cref="Lazy{T}"/>. If the
/// initialiser throws, nothing is recorded: the exception reaches that caller and the next call runs the
/// initialiser again (retry).
/// </remarks>
public sealed class LazyInitializerCache : ICacheHolder
{
    private readonly Func<Cache> _initialise;

    /// <summary>Written by <see cref="LazyInitializer"/> before <see cref="_initialised"/> is set (release).</summary>
    private Cache? _cache;

    /// <summary>Read by <see cref="LazyInitializer"/> with acquire semantics before it trusts <see cref="_cache"/>.</summary>
    private bool _initialised;

    /// <summary>Created by <see cref="LazyInitializer"/> on first contention.</summary>
    private object? _lock;

    /// <summary>Keeps <paramref name="initialise"/> for the first <see cref="GetCache"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="initialise"/> is null.</exception>
    public LazyInitializerCache(Func<Cache> initialise)
    {
        ArgumentNullException.ThrowIfNull(initialise);
        _initialise = initialise;
    }

    /// <inheritdoc />
    public Cache GetCache() => LazyInitializer.EnsureInitialized(ref _cache, ref _initialised, ref _lock, _initialise)!;
}
