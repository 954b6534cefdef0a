using System.Diagnostics;

namespace ActorConcurrency.SharedState.LazyInit;

/// <summary>
/// Task 5, hand-written double-checked locking: a lock-free fast path once the cache exists, the lock only
/// while it does not.
/// </summary>
/// <remarks>
/// Why the field is read with <see cref="Volatile.Read{T}(ref readonly T)"/> (acquire) and written with
/// <see cref="Volatile.Write{T}(ref T, T)"/> (release): building the cache writes its fields, then the
/// reference is stored. A reader on the fast path takes no lock, so nothing else orders its reads. Without
/// acquire, its reads of the cache's fields could be satisfied before its read of the reference (weakly
/// ordered CPUs such as ARM64 do this; the JIT may also move or reuse plain reads), and it could see the
/// reference but the fields as they were before the constructor ran. The release store keeps the
/// constructor's writes before the publication; the acquire load keeps the reader's later reads after it.
/// On x64 both compile to plain moves, which is why the broken form "works on my machine".
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
