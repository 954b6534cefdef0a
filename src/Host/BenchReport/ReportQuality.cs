namespace ActorConcurrency.Host.BenchReport;

/// <summary>
/// How far a report's rows can be trusted, counted over every BenchmarkDotNet row (the Go peers are measured by
/// another tool and job, and summarised apart: <see cref="GoPeers"/>): how many have a precise median (a 99.9% interval
/// within <see cref="ComparisonRule.PrecisionTarget"/> of it), how many drifted within their launches, how many were
/// measured under load, and which report sessions (and runs outside any) they come from.
/// </summary>
/// <param name="Rows">Rows in the report.</param>
/// <param name="PreciseRows">Rows whose median's interval has the rule's level and is within its precision target.</param>
/// <param name="UnderLoadRows">Rows measured under load (<see cref="MachineLoad"/>).</param>
/// <param name="UnsteadyRows">Rows whose iterations drifted within their launches (<see cref="Steadiness"/>).</param>
/// <param name="RowsTestedForSteadiness">Rows with enough iterations per launch to tell.</param>
/// <param name="RowsWithLoad">Rows whose load was recorded at all.</param>
/// <param name="Sessions">The report sessions the rows come from, in order.</param>
/// <param name="RunsOutsideSessions">Result files whose rows come from a run outside any report session.</param>
/// <param name="Jobs">The distinct jobs that measured the rows.</param>
internal sealed record ReportQuality(
    int Rows,
    int PreciseRows,
    int UnderLoadRows,
    int UnsteadyRows,
    int RowsTestedForSteadiness,
    int RowsWithLoad,
    IReadOnlyList<string> Sessions,
    int RunsOutsideSessions,
    IReadOnlyList<string> Jobs)
{
    /// <summary>The report's goal: at least this share of rows precise.</summary>
    public const double PreciseShareTarget = 0.9;

    /// <summary>Share of rows with a precise median.</summary>
    public double PreciseShare => Rows == 0 ? 0 : PreciseRows / (double)Rows;

    /// <summary>Whether every row comes from one report session, measured with one job.</summary>
    public bool OneSession => Sessions.Count == 1 && RunsOutsideSessions == 0 && Jobs.Count == 1;

    /// <summary>Counts <paramref name="groups"/>' rows under <paramref name="rule"/>.</summary>
    public static ReportQuality Of(IReadOnlyList<ComparisonGroup> groups, ComparisonRule rule)
    {
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(rule);
        BenchmarkRow[] rows = [.. groups.SelectMany(g => g.Rows).Where(r => r.GoTwin is null)];
        BenchmarkRun[] runs = [.. rows.Select(r => r.Run).Distinct()];
        return new ReportQuality(
            rows.Length,
            rows.Count(r => r.Estimate.IsPrecise(rule.Level, rule.PrecisionTarget)),
            rows.Count(r => r.UnderLoad is not null),
            rows.Count(r => r.Steadiness is { Drifted: true }),
            rows.Count(r => r.Steadiness is not null),
            rows.Count(r => r.Load is not null),
            [.. runs.Where(r => r.Session is not null).OrderBy(r => r.Date).Select(r => r.Session!).Distinct()],
            runs.Count(r => r.Session is null),
            [.. rows.Select(r => r.Job?.Id ?? "unknown job").Distinct().Order(StringComparer.Ordinal)]);
    }

    /// <summary>
    /// The Go peers against their C# forms: how many Go rows there are and, of those whose C# form was measured at the
    /// same parameters, in how many the C# form is faster, slower, or not measurably different (<paramref name="rule"/>).
    /// </summary>
    public static (int Rows, int CSharpFaster, int CSharpSlower, int NoDifference) GoPeers(IReadOnlyList<ComparisonGroup> groups, ComparisonRule rule)
    {
        ArgumentNullException.ThrowIfNull(groups);
        int rows = 0, faster = 0, slower = 0, same = 0;
        foreach (ComparisonGroup group in groups)
        {
            foreach (BenchmarkRow row in group.Rows.Where(r => r.GoTwin is not null))
            {
                rows++;
                switch (group.CompareWithGoTwin(row, rule)?.Verdict)
                {
                    case ComparisonVerdict.Faster:
                        faster++;
                        break;
                    case ComparisonVerdict.Slower:
                        slower++;
                        break;
                    case ComparisonVerdict.NoMeasurableDifference:
                        same++;
                        break;
                }
            }
        }

        return (rows, faster, slower, same);
    }
}
