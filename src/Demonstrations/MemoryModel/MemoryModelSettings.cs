namespace ActorConcurrency.Demonstrations.MemoryModel;

/// <summary>How task 11 runs its probes.</summary>
/// <param name="ProbeTimeoutMilliseconds">How long a probe may go on after its flag was set before it is declared hung and killed.</param>
/// <param name="ProbeHost">The assembly each probe's child process runs with <c>probe &lt;name&gt;</c> (the host's own).</param>
public sealed record MemoryModelSettings(int ProbeTimeoutMilliseconds, string ProbeHost)
{
    /// <summary>How long a probe may go on after its flag was set.</summary>
    public TimeSpan ProbeTimeout => TimeSpan.FromMilliseconds(ProbeTimeoutMilliseconds);

    /// <summary>Throws <see cref="ArgumentException"/> naming the setting that is out of range.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(ProbeTimeoutMilliseconds, 1, nameof(ProbeTimeoutMilliseconds));
        ArgumentException.ThrowIfNullOrEmpty(ProbeHost, nameof(ProbeHost));
    }
}
