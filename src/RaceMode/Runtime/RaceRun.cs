using ActorConcurrency.RaceDetector.Reports;

namespace ActorConcurrency.RaceMode.Runtime;

/// <summary>What one race-mode run found.</summary>
/// <param name="Races">The distinct races, one per pair of code sites, in Go's report format (<see cref="RaceReport.Format()"/>).</param>
/// <param name="Detections">Racing access pairs detected in all, duplicates of a site pair included.</param>
/// <param name="UnboundAccesses">Accesses not checked because they ran outside any logical thread of the run (framework callbacks).</param>
/// <param name="ThreadSlots">Logical-thread ids the run used: the length of its vector clocks (finished threads' ids are reused).</param>
/// <param name="GlobalAcquisitions">
/// Waits ordered blindly: each acquired the global clock (every task end and task-source completion so far) because
/// race mode had no better key for what it waited on (a framework-made task such as <c>WhenAll</c>, a pooled
/// <c>ValueTask</c> source). Such a wait can hide a race, never invent one.
/// </param>
public sealed record RaceRun(IReadOnlyList<RaceReport> Races, int Detections, long UnboundAccesses, int ThreadSlots, long GlobalAcquisitions = 0)
{
    /// <summary>True when at least one race was found.</summary>
    public bool HasRaces => Races.Count > 0;

    /// <summary>Go's closing line: <c>Found 2 data race(s)</c>.</summary>
    public string Summary => $"Found {Races.Count} data race(s)";
}
