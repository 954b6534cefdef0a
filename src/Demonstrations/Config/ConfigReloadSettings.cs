// Namespace ConfigReload, not Config, as in Actors: ...Demonstrations.Config would shadow SharedState's Config record.
namespace ActorConcurrency.Demonstrations.ConfigReload;

/// <summary>How task 6 loads the config holders.</summary>
/// <param name="Reloads">Reloads each of the two writers performs.</param>
/// <param name="Threads">Threads in all: two writers, the rest readers (at least one).</param>
public sealed record ConfigReloadSettings(int Reloads, int Threads)
{
    /// <summary>The writers, racing each other for versions.</summary>
    public const int Writers = 2;

    /// <summary>Readers checking every config they read: the threads the writers leave, at least one.</summary>
    public int Readers => Math.Max(1, Threads - Writers);

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the setting that is below 1.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Reloads, 1, nameof(Reloads));
        ArgumentOutOfRangeException.ThrowIfLessThan(Threads, 1, nameof(Threads));
    }
}
