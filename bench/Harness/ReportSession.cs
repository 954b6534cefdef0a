namespace ActorConcurrency.Bench.Harness;

/// <summary>
/// Which report run produced a result file: the session (one quiet sitting on one machine; every part of the report
/// carries the same id), the part, and the job. <see cref="GroupsExporter"/> writes it into the sidecar so
/// <c>bench-report</c> can say whether its rows come from one session.
/// </summary>
/// <param name="Id">The session, e.g. the UTC date the run started.</param>
/// <param name="Part">The part of the report run (<see cref="ReportRun.Parts"/>).</param>
/// <param name="Job">The job's id.</param>
public sealed record ReportSession(string Id, string Part, string Job)
{
    /// <summary>The session the running part belongs to; null outside <c>report-run</c>.</summary>
    public static ReportSession? Current { get; set; }
}
