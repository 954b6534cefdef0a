using System.Diagnostics;

namespace ActorConcurrency.SharedState.Config;

/// <summary>
/// Task 6: config hot-reload with shared memory — the .NET form of Go's <c>atomic.Pointer[Config]</c>.
/// Readers call <see cref="Current"/> on every operation (one acquire load, no lock, no allocation);
/// operators call <see cref="Reload"/>, which swaps in a whole new immutable <see cref="Config"/> with one
/// compare-and-swap, so a reader sees either the old config or the new one, never a mix.
/// </summary>
/// <remarks>
/// A plain <see cref="Interlocked.Exchange{T}(ref T, T)"/> would be enough for one operator. With several
/// operators reloading at once, two exchanges can land in the opposite order to their versions and
/// publish an older config after a newer one; <see cref="Reload"/> therefore uses a compare-and-swap loop
/// that only ever replaces a config with a newer version, so the version readers see never goes back.
/// </remarks>
public sealed class ConfigService
{
    /// <summary>Replaced whole, never mutated. Written only by a full-fence CAS; read with acquire.</summary>
    private Config _current;

    /// <summary>Starts with <paramref name="initial"/> in force.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="initial"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="initial"/> fails <see cref="Config.Validate"/>.</exception>
    public ConfigService(Config initial)
    {
        ThrowIfInvalid(initial, nameof(initial));
        _current = initial;
    }

    /// <summary>The config in force. The acquire load guarantees its fields are read as they were published.</summary>
    public Config Current() => Volatile.Read(ref _current);

    /// <summary>
    /// Puts <paramref name="next"/> in force if its version is newer than the current one. Returns false,
    /// changing nothing, if an equal or newer version is already in force (another operator got there first).
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="next"/> is null; the current config stays.</exception>
    /// <exception cref="ArgumentException"><paramref name="next"/> fails validation; the current config stays.</exception>
    public bool Reload(Config next)
    {
        ThrowIfInvalid(next, nameof(next));
        Config seen = Volatile.Read(ref _current);
        while (true)
        {
            if (next.Version <= seen.Version)
            {
                return false;
            }

            // Another operator may have swapped in a config since we read `seen`: the CAS fails, and we
            // compare against what is in force now instead of overwriting it.
            Config witnessed = Interlocked.CompareExchange(ref _current, next, seen);
            if (ReferenceEquals(witnessed, seen))
            {
                Debug.Assert(next.Version > seen.Version, "versions only go up");
                return true;
            }

            seen = witnessed;
        }
    }

    private static void ThrowIfInvalid(Config config, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(config, parameterName);
        if (config.Validate() is { } error)
        {
            throw new ArgumentException($"Config rejected: {error}.", parameterName);
        }
    }
}
