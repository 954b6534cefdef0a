namespace ActorConcurrency.Host.BenchReport;

/// <summary>
/// The notes column of a report row: for a Go peer, the C# form it stands beside and their verdict; then what
/// qualifies the row's figures (too few iterations, imprecise, a ratio outside its interval, not steady, under load).
/// </summary>
internal static class RowNotes
{
    /// <summary>Every note of <paramref name="row"/> in <paramref name="group"/>, joined; empty when there is none.</summary>
    public static string Of(ComparisonGroup group, BenchmarkRow row, SampleComparison? comparison, ComparisonRule rule) =>
        string.Join("; ", new[] { GoNote(group, row, rule), Notes(row, comparison, rule) }.Where(n => n.Length > 0));

    /// <summary>For a Go peer: which C# method it is the Go form of and how that C# form compares with it; empty for a C# row.</summary>
    private static string GoNote(ComparisonGroup group, BenchmarkRow row, ComparisonRule rule)
    {
        if (row.GoTwin is not { } twin)
        {
            return "";
        }

        return group.CompareWithGoTwin(row, rule) is { } c
            ? $"Go form of {twin}; C# vs Go: {ComparisonText.Ratio(c)}, {(c.Verdict is ComparisonVerdict.Faster or ComparisonVerdict.Slower ? "C# " : "")}{ComparisonText.Verdict(c, rule)}"
            : $"Go form of {twin} (not measured at these parameters)";
    }

    /// <summary>What qualifies a row: too few iterations for the level (of its median or of its ratio's interval), imprecise, a ratio of medians outside its interval, not steady within its launches, under load; empty when nothing does.</summary>
    internal static string Notes(BenchmarkRow row, SampleComparison? comparison, ComparisonRule rule)
    {
        var notes = new List<string>();
        MedianEstimate estimate = row.Estimate;
        string level = ComparisonText.Percent(rule.Level);
        var tooFew = new List<string>();
        if (estimate.Level > 0 && estimate.Level < rule.Level)
        {
            tooFew.Add($"{ComparisonText.Percent(estimate.Level)} (median)");
        }

        if (comparison is not null && comparison.RatioLevel < rule.Level)
        {
            tooFew.Add($"{ComparisonText.Percent(comparison.RatioLevel)} (ratio)");
        }

        if (estimate.Level <= 0)
        {
            notes.Add("no per-iteration values: mean shown as the median, untested");
        }
        else if (tooFew.Count > 0)
        {
            notes.Add($"interval{(tooFew.Count > 1 ? "s" : "")} only {string.Join(" and ", tooFew)}: too few iterations for {level} ({estimate.N} here)");
        }
        else if (!estimate.IsPrecise(rule.Level, rule.PrecisionTarget))
        {
            notes.Add($"imprecise: interval ±{ComparisonText.Percent(estimate.RelativeHalfWidth)} of the median (target ±{ComparisonText.Percent(rule.PrecisionTarget)})");
        }

        if (comparison is { RatioOutsideInterval: true })
        {
            notes.Add("the ratio of medians lies outside the ratio's interval (Hodges–Lehmann, around the typical pairwise ratio): the two differ in shape or spread, not only by a factor");
        }

        if (row.Steadiness?.Note is { } drift)
        {
            notes.Add(drift);
        }

        if (row.UnderLoad is { } busy)
        {
            notes.Add($"under load: {busy}");
        }

        return string.Join("; ", notes);
    }
}
