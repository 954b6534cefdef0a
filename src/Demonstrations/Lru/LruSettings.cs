namespace ActorConcurrency.Demonstrations.Lru;

/// <summary>How task 13 drives the LRU forms.</summary>
/// <param name="Operations">Operations per worker on each shared-memory form; the actor gets a tenth (each is an Ask).</param>
/// <param name="Threads">Workers driving each form at once.</param>
public sealed record LruSettings(int Operations, int Threads)
{
    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the setting that is below 1.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Operations, 1, nameof(Operations));
        ArgumentOutOfRangeException.ThrowIfLessThan(Threads, 1, nameof(Threads));
    }
}
