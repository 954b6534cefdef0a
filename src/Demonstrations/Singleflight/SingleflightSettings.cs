namespace ActorConcurrency.Demonstrations.Singleflight;

/// <summary>How task 17 loads each singleflight form.</summary>
/// <param name="Runs">Runs per form, each on a fresh instance.</param>
/// <param name="Callers">Concurrent callers of one key per run.</param>
public sealed record SingleflightSettings(int Runs, int Callers)
{
    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the setting that is below 1.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Runs, 1, nameof(Runs));
        ArgumentOutOfRangeException.ThrowIfLessThan(Callers, 1, nameof(Callers));
    }
}
