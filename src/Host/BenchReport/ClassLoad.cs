namespace ActorConcurrency.Host.BenchReport;

/// <summary>The machine's load before and after one benchmark class ran, from a sidecar.</summary>
/// <param name="Type">The class's full name.</param>
/// <param name="File">The result file it came with.</param>
/// <param name="Before">Load averages (1, 5, 15 minutes) before its first case, or null.</param>
/// <param name="After">Load averages after its last case, or null.</param>
/// <param name="OtherCpuCores">Cores' worth of CPU other processes used while it ran, or null.</param>
internal sealed record ClassLoad(string Type, string File, IReadOnlyList<double>? Before, IReadOnlyList<double>? After, double? OtherCpuCores);
