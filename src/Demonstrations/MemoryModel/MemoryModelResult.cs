namespace ActorConcurrency.Demonstrations.MemoryModel;

/// <summary>Task 11: what each memory-model probe did in a child process on this runtime, JIT and CPU, then the publication under the detector.</summary>
/// <param name="Probes">The probes' reports.</param>
/// <param name="Detector">Data published through a plain flag and through an atomic one, under the race detector.</param>
public sealed record MemoryModelResult(ProbeRuns Probes, PublicationDetection Detector) : IDemonstrationResult
{
    /// <inheritdoc />
    public bool Held => Probes.Held && Detector.Held;

    /// <inheritdoc />
    public string Evidence => $"{Probes.Evidence}; {Detector.Evidence}";
}

/// <summary>The probes A, B, C, C fixed and C's ordering, each in its own child process.</summary>
/// <param name="TimeoutMilliseconds">How long each probe could go on after its flag was set before it was killed.</param>
/// <param name="Reports">One report per probe, in the order they are listed.</param>
public sealed record ProbeRuns(double TimeoutMilliseconds, IReadOnlyList<ProbeReport> Reports) : IDemonstrationResult
{
    /// <summary>Where the probes ran, as the first child that said so reported it; empty if none did.</summary>
    public IReadOnlyDictionary<string, string> Environment => Reports.FirstOrDefault(r => r.Environment.Count > 0)?.Environment ?? new Dictionary<string, string>();

    /// <summary>
    /// Whether the Volatile forms did what is guaranteed — stopped, published 42, counted no stale read — and no probe
    /// failed. What the plain forms do is up to the JIT and the CPU: reported, not judged.
    /// </summary>
    public bool Held
    {
        get
        {
            ProbeReport stop = Of(MemoryModelProbes.StopVolatile), publish = Of(MemoryModelProbes.PublishVolatile), order = Of(MemoryModelProbes.OrderVolatile);
            return stop.Outcome == ProbeOutcome.Terminated
                && publish.Outcome == ProbeOutcome.Terminated && publish.Result.GetValueOrDefault("value") == "42"
                && order.Outcome == ProbeOutcome.Terminated && order.Result.GetValueOrDefault("stale") == "0"
                && Reports.All(r => r.Outcome != ProbeOutcome.Failed);
        }
    }

    /// <inheritdoc />
    public string Evidence => $"{Environment.GetValueOrDefault("architecture") ?? "?"}: " + string.Join(", ", Reports.Select(r => $"{r.Probe} {Summary(r)}"));

    private ProbeReport Of(string probe) => Reports.Single(r => r.Probe == probe);

    private static string Summary(ProbeReport report) => report.Outcome switch
    {
        ProbeOutcome.Terminated when report.Result.TryGetValue("value", out string? value) => $"terminated (value {value})",
        ProbeOutcome.Terminated when report.Result.TryGetValue("stale", out string? stale) => $"{stale} stale reads",
        ProbeOutcome.Terminated => "terminated",
        ProbeOutcome.Hung => $"hung (killed after {report.AfterStop.TotalMilliseconds:0} ms)",
        _ => "failed",
    };
}
