namespace ActorConcurrency.Host.BenchReport;

/// <summary>Where and when one results file was measured, from its <c>HostEnvironmentInfo</c>, title and sidecar.</summary>
/// <param name="File">The <c>*-report-full.json</c> file.</param>
/// <param name="Machine">Processor, cores, operating system and runtime.</param>
/// <param name="Date">When it ran (from the title BenchmarkDotNet stamps, else the file's time), UTC.</param>
/// <param name="TimerResolutionNs">One tick of the run's chronometer, in nanoseconds (1 when the export does not say).</param>
/// <param name="Cores">Logical cores of the machine, or null when the export does not say.</param>
/// <param name="Session">The report session (<c>report-run</c>) it belongs to, or null for a run outside one.</param>
/// <param name="Part">The part of the report run, or null.</param>
internal sealed record BenchmarkRun(string File, string Machine, DateTime Date, double TimerResolutionNs = 1, int? Cores = null, string? Session = null, string? Part = null)
{
    /// <summary>What a run outside any report session is called where sessions are named.</summary>
    public const string OutsideSessions = "none";

    /// <summary>The session's name, or <see cref="OutsideSessions"/>.</summary>
    public string SessionName => Session ?? OutsideSessions;
}
