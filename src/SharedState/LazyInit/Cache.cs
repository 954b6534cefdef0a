namespace ActorConcurrency.SharedState.LazyInit;

/// <summary>
/// Task 5: the expensive object every form initialises lazily. It only carries the number the
/// initialiser gave it, so a demonstration or spec can tell two instances apart and count how many the
/// initialiser built.
/// </summary>
public sealed class Cache
{
    /// <summary>Creates a cache stamped with <paramref name="instance"/>.</summary>
    public Cache(int instance) => Instance = instance;

    /// <summary>Which initialiser call built this cache (1 for the first call).</summary>
    public int Instance { get; }
}
