namespace ActorConcurrency.Demonstrations.Profiling;

/// <summary>How task 16 loads each pool.</summary>
/// <param name="Seconds">How long each pool runs under load.</param>
/// <param name="Workers">Workers per pool.</param>
public sealed record MutexProfileSettings(double Seconds, int Workers)
{
    /// <summary>How long each pool runs under load.</summary>
    public TimeSpan Duration => TimeSpan.FromSeconds(Seconds);

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the setting that is out of range.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(Seconds, 0, nameof(Seconds));
        ArgumentOutOfRangeException.ThrowIfLessThan(Workers, 1, nameof(Workers));
    }
}
