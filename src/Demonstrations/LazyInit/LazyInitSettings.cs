namespace ActorConcurrency.Demonstrations.LazyInit;

/// <summary>How task 5 hammers each lazy form.</summary>
/// <param name="Runs">Runs per form, each on a fresh holder.</param>
/// <param name="Threads">Threads released together by a barrier, each calling <c>GetCache()</c> once.</param>
public sealed record LazyInitSettings(int Runs, int Threads)
{
    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the setting that is below 1.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Runs, 1, nameof(Runs));
        ArgumentOutOfRangeException.ThrowIfLessThan(Threads, 1, nameof(Threads));
    }
}
