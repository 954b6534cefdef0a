namespace ActorConcurrency.Demonstrations.MemoryModel;

/// <summary>
/// Task 11: "works on my machine". Each memory-model probe runs in a child process with a timeout, so a probe that
/// spins for ever is killed instead of leaving a spinning thread behind; the record says what each one did on this
/// runtime, JIT and CPU. The detector's verdict on the same publication is a section of its own
/// (<see cref="PublicationUnderDetector"/>).
/// </summary>
public static class MemoryModelExperiment
{
    /// <summary>The probes the demonstration runs, in order (the control probe is for the specs).</summary>
    public static IReadOnlyList<string> DemonstratedProbes { get; } =
    [
        MemoryModelProbes.StopPlain,
        MemoryModelProbes.StopVolatile,
        MemoryModelProbes.PublishPlain,
        MemoryModelProbes.PublishVolatile,
        MemoryModelProbes.OrderPlain,
        MemoryModelProbes.OrderVolatile,
    ];

    /// <summary>Runs every demonstrated probe in its own child process, all at once: a hung probe costs its timeout once, not once per probe.</summary>
    public static async Task<ProbeRuns> RunProbesAsync(MemoryModelSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        ProbeReport[] reports = await Task.WhenAll(DemonstratedProbes.Select(probe =>
            ProbeRunner.RunAsync(settings.ProbeHost, probe, settings.ProbeTimeout, cancellationToken))).ConfigureAwait(false);
        return new ProbeRuns(settings.ProbeTimeout.TotalMilliseconds, reports);
    }
}
