namespace ActorConcurrency.Demonstrations.MemoryModel;

/// <summary>What one probe's child process reported, or how it was stopped.</summary>
/// <param name="Probe">The probe's name (see <see cref="MemoryModelProbes"/>).</param>
/// <param name="Outcome">Terminated, hung (killed) or failed.</param>
/// <param name="AfterStop">Time from the child saying it set the flag to its result (or to the kill).</param>
/// <param name="Result">The child's result fields (<c>iterations</c>, <c>value</c>, …); empty unless terminated.</param>
/// <param name="Environment">The child's runtime, JIT settings and architecture.</param>
/// <param name="Error">Why the probe failed (exit code and standard error), or null.</param>
public sealed record ProbeReport(
    string Probe,
    ProbeOutcome Outcome,
    TimeSpan AfterStop,
    IReadOnlyDictionary<string, string> Result,
    IReadOnlyDictionary<string, string> Environment,
    string? Error);
