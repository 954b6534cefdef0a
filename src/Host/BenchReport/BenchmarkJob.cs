namespace ActorConcurrency.Host.BenchReport;

/// <summary>The BenchmarkDotNet job behind a measurement, and how much it measured.</summary>
/// <param name="Id">The job's id: <c>DefaultJob</c>, <c>ShortRun</c>, <c>Dry</c>, …</param>
/// <param name="Launches">Processes launched for the measurement (null when unknown).</param>
/// <param name="Iterations">Measured (workload, actual) iterations, over all launches.</param>
/// <param name="Warmups">Warm-up iterations asked for, or null when BenchmarkDotNet chose.</param>
internal sealed record BenchmarkJob(string Id, int? Launches, int Iterations, int? Warmups)
{
    /// <summary>A dry run: one cold iteration, which checks that a benchmark runs and measures nothing.</summary>
    public bool IsDry => Id.StartsWith("Dry", StringComparison.OrdinalIgnoreCase);

    /// <summary>A short run (ShortRun's three iterations, or the bench's QuickReport job that proves the report machinery): indicative only.</summary>
    public bool IsShort => Id.StartsWith("Short", StringComparison.OrdinalIgnoreCase) || Id.StartsWith("Quick", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// "ShortRun: 1 launch × 3 iterations (3 warm-ups)", "Report: 3 launches × 15 iterations (3 warm-ups)": iterations
    /// per launch (<see cref="Iterations"/> counts them over all launches).
    /// </summary>
    public string Description
    {
        get
        {
            string measured = Launches is { } l && l > 0 && Iterations % l == 0
                ? $"{l} launch{(l == 1 ? "" : "es")} × {Plural(Iterations / l, "iteration")}"
                : Launches is { } n ? $"{n} launches, {Plural(Iterations, "iteration")} in all" : Plural(Iterations, "iteration");
            return $"{Id}: {measured}" + (Warmups is { } w ? $" ({Plural(w, "warm-up")})" : "");
        }
    }

    private static string Plural(int count, string noun) => $"{count} {noun}{(count == 1 ? "" : "s")}";
}
