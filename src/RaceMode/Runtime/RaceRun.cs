using ActorConcurrency.RaceDetector.Reports;

namespace ActorConcurrency.RaceMode.Runtime;

/// <summary>What one race-mode run found.</summary>
/// <param name="Races">The distinct races, one per pair of code sites, in Go's report format (<see cref="RaceReport.Format"/>).</param>
/// <param name="Detections">Racing access pairs detected in all, duplicates of a site pair included.</param>
/// <param name="UnboundAccesses">Accesses not checked because they ran outside any logical thread of the run (framework callbacks).</param>
/// <param name="ThreadSlots">Logical-thread ids the run used: the length of its vector clocks (finished threads' ids are reused).</param>
public sealed record RaceRun(IReadOnlyList<RaceReport> Races, int Detections, long UnboundAccesses, int ThreadSlots)
{
    /// <summary>True when at least one race was found.</summary>
    public bool HasRaces => Races.Count > 0;

    /// <summary>Go's closing line: <c>Found 2 data race(s)</c>.</summary>
    public string Summary => $"Found {Races.Count} data race(s)";
}
