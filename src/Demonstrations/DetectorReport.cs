using ActorConcurrency.RaceDetector.Reports;
using ActorConcurrency.RaceDetector.Tracking;

namespace ActorConcurrency.Demonstrations;

/// <summary>What a race detector run reported, as a demonstration shows it: one report of the races, and the summary.</summary>
/// <param name="Distinct">Distinct races (pairs of code sites).</param>
/// <param name="Shown">One report, formatted as the detector prints it; null when there was no race.</param>
/// <param name="Summary">The detector's closing line (<c>Found 2 data race(s)</c>).</param>
public sealed record DetectorReport(int Distinct, string? Shown, string Summary)
{
    /// <summary>The report of <paramref name="detector"/>, showing the first race on <paramref name="preferVariable"/> if there is one.</summary>
    public static DetectorReport Of(VectorClockDetector detector, string? preferVariable = null)
    {
        ArgumentNullException.ThrowIfNull(detector);
        IReadOnlyList<RaceReport> races = detector.Races;
        RaceReport? shown = races.FirstOrDefault(r => r.Variable == preferVariable) ?? races.FirstOrDefault();
        return new DetectorReport(races.Count, shown?.Format(), detector.Summary);
    }
}
