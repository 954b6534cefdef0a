using ActorConcurrency.RaceDetector.Reports;

namespace ActorConcurrency.RaceDetector.Tracking;

/// <summary>What a <see cref="VectorClockDetector"/> keeps besides the clocks.</summary>
public sealed record RaceDetectorOptions
{
    /// <summary>
    /// Keep the full stack of every access that leaves the fast path, so a report shows the stack of the
    /// earlier access as well as the current one (as Go's does). Capturing a .NET stack costs microseconds
    /// and allocates, so benchmarks and hot loops turn it off; the earlier access is then shown by its call
    /// site (member, file, line), which is always kept and free.
    /// </summary>
    public bool KeepAccessStacks { get; init; } = true;

    /// <summary>
    /// Record every synchronisation edge (go statement, send → receive, unlock → lock, …) so
    /// <see cref="VectorClockDetector.Order"/> can name the chain that orders two events. Off for benchmarks:
    /// the log grows with every synchronisation.
    /// </summary>
    public bool RecordEdges { get; init; } = true;

    /// <summary>
    /// How long <see cref="VectorClockDetector.Run"/> waits for the logical threads it started to finish
    /// before it gives up with a <see cref="TimeoutException"/> naming them (Go would say "all goroutines are
    /// asleep"), so a program that deadlocks fails instead of hanging.
    /// </summary>
    public TimeSpan RunTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Called with each new report (one per pair of code sites) as it is found, on the logical thread whose access found
    /// it, outside the detector's locks: a runner prints it at once, attributes it, or stops the run (Go's
    /// <c>halt_on_error</c>). It must not access tracked locations.
    /// </summary>
    public Action<RaceReport>? OnRace { get; init; }

    /// <summary>The options of the benchmarks: clocks only, the allocation-free fast path.</summary>
    public static RaceDetectorOptions FastPath { get; } = new() { KeepAccessStacks = false, RecordEdges = false };
}
