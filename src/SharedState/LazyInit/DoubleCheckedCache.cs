using System.Diagnostics;

namespace ActorConcurrency.SharedState.LazyInit;

/// <summary>
/// Task 5, hand-written double-checked locking: a lock-free fast path once the cache exists, the lock only
/// while it does not.
/// </summary>
/// <remarks>
/// Why the fast path reads the field with <see cref="Volatile.Read{T}(ref readonly T)"/> (acquire) and the
/// slow path publishes with <see cref="Volatile.Write{T}(ref T, T)"/> (release): the fast-path reader takes
/// no lock, so only these two order what it sees. Building the cache writes memory (the cache's fields,
/// and whatever else the initialiser touched), then the reference is stored. The release store keeps all
/// of those writes before the publication; the acquire load keeps every later read of the reader after
/// it. The .NET runtime does make a plain reference store a release for the object's own fields and
/// honours data-dependent reads, so on CoreCLR the cache object itself would be seen whole even with plain
/// accesses — but its memory-model document warns not to use that for general ordering: the JIT still
/// treats the store as ordinary with respect to other writes (state not reached through the reference, such
/// as a static table or a flag the initialiser set), and ECMA-335 promises none of it. The volatile pair
/// states the intent and makes the guarantee cover everything written before publication, on every runtime
/// and CPU. On x64 both compile to plain moves, which is why the unsynchronised form "works on my machine".
/// If the initialiser throws, nothing is stored and the next caller runs it again (retry).
/// </remarks>
public sealed class DoubleCheckedCache : ICacheHolder
{
    private readonly Func<Cache> _initialise;

    /// <summary>Serialises initialisers: only the thread that holds it may build the cache.</summary>
    private readonly Lock _lock = new();

    /// <summary>Published once with a release store; read lock-free with an acquire load.</summary>
    private Cache? _cache;

    /// <summary>Keeps <paramref name="initialise"/> for the first <see cref="GetCache"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="initialise"/> is null.</exception>
    public DoubleCheckedCache(Func<Cache> initialise)
    {
        ArgumentNullException.ThrowIfNull(initialise);
        _initialise = initialise;
    }

    /// <inheritdoc />
    public Cache GetCache()
    {
        // Fast path: the cache was published, and the acquire load makes its contents visible too.
        Cache? cache = Volatile.Read(ref _cache);
        if (cache is not null)
        {
            return cache;
        }

        lock (_lock)
        {
            // Second check: another thread may have built it while we waited for the lock.
            cache = _cache;
            if (cache is null)
            {
                cache = _initialise() ?? throw new InvalidOperationException("The cache initialiser returned null.");
                Volatile.Write(ref _cache, cache);
            }
        }

        Debug.Assert(ReferenceEquals(cache, Volatile.Read(ref _cache)), "the published cache never changes");
        return cache;
    }
}
