namespace ActorConcurrency.SharedState.LazyInit;

/// <summary>
/// Task 5, <see cref="Lazy{T}"/> form, in <see cref="LazyThreadSafetyMode.ExecutionAndPublication"/> mode:
/// the first caller runs the initialiser under the <c>Lazy</c>'s lock while the others block, so the
/// initialiser runs exactly once — the guarantee <c>sync.Once</c> gives. (<c>PublicationOnly</c> would let
/// racing callers each run it and keep the first result; <c>None</c> is not thread-safe at all.)
/// </summary>
/// <remarks>
/// If the initialiser throws, this mode caches the exception: every later call rethrows it and the
/// initialiser never runs again, like <c>sync.Once</c> after a panic. Use <see cref="LazyInitializerCache"/>
/// or <see cref="DoubleCheckedCache"/> when a failed initialisation must be retried.
/// </remarks>
public sealed class LazyCache : ICacheHolder
{
    private readonly Lazy<Cache> _cache;

    /// <summary>Wraps <paramref name="initialise"/>, which is not run until the first <see cref="GetCache"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="initialise"/> is null.</exception>
    public LazyCache(Func<Cache> initialise)
    {
        ArgumentNullException.ThrowIfNull(initialise);
        _cache = new Lazy<Cache>(initialise, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <inheritdoc />
    public Cache GetCache() => _cache.Value;
}
