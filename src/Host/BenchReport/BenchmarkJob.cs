namespace ActorConcurrency.Host.BenchReport;

/// <summary>The BenchmarkDotNet job behind a measurement, and how much it measured.</summary>
/// <param name="Id">The job's id: <c>DefaultJob</c>, <c>ShortRun</c>, <c>Dry</c>, …</param>
/// <param name="Launches">Processes launched for the measurement (null when unknown).</param>
/// <param name="Iterations">Measured (workload, actual) iterations.</param>
/// <param name="Warmups">Warm-up iterations asked for, or null when BenchmarkDotNet chose.</param>
internal sealed record BenchmarkJob(string Id, int? Launches, int Iterations, int? Warmups)
{
    /// <summary>A dry run: one cold iteration, which checks that a benchmark runs and measures nothing.</summary>
    public bool IsDry => Id.StartsWith("Dry", StringComparison.OrdinalIgnoreCase);

    /// <summary>A short run (ShortRun's three iterations, or the bench's QuickReport job that proves the report machinery): indicative only.</summary>
    public bool IsShort => Id.StartsWith("Short", StringComparison.OrdinalIgnoreCase) || Id.StartsWith("Quick", StringComparison.OrdinalIgnoreCase);

    /// <summary>"ShortRun: 1 launch × 3 iterations (3 warm-ups)".</summary>
    public string Description =>
        $"{Id}: {(Launches is { } l ? $"{l} launch{(l == 1 ? "" : "es")} × " : "")}{Iterations} iteration{(Iterations == 1 ? "" : "s")}" +
        (Warmups is { } w ? $" ({w} warm-up{(w == 1 ? "" : "s")})" : "");
}
