namespace ActorConcurrency.Host.BenchReport;

/// <summary>What <see cref="BenchmarkResultsReader"/> found.</summary>
/// <param name="Looked">Every folder searched, as given.</param>
/// <param name="Files">The <c>*-report-full.json</c> files found, then the Go peers' <c>*-report-go.txt</c>.</param>
/// <param name="Rows">Every measured case, the newest when several files measured the same one.</param>
/// <param name="Errors">One line per file (or case) that could not be read, naming it; the rest is still reported.</param>
/// <param name="Warnings">Files read with something missing (no baseline sidecar): reported, with less.</param>
/// <param name="ClassLoads">The machine's load before and after each benchmark class, from the sidecars that recorded it.</param>
internal sealed record BenchmarkResults(
    IReadOnlyList<string> Looked,
    IReadOnlyList<string> Files,
    IReadOnlyList<BenchmarkRow> Rows,
    IReadOnlyList<string> Errors,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<ClassLoad> ClassLoads);
