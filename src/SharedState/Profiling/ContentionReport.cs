namespace ActorConcurrency.SharedState.Profiling;

/// <summary>What a <see cref="ContentionProfiler"/> captured between its start and <see cref="ContentionProfiler.StopAsync"/>.</summary>
/// <param name="Locks">One row per lock, ranked by total wait, then by count.</param>
/// <param name="MonitorContentions">The growth of <see cref="Monitor.LockContentionCount"/> over the capture (every lock in the process).</param>
/// <param name="Elapsed">How long the capture ran.</param>
/// <param name="Complete">Whether the closing flush saw its own marker event, so every earlier event was delivered.</param>
public sealed record ContentionReport(IReadOnlyList<LockContention> Locks, long MonitorContentions, TimeSpan Elapsed, bool Complete)
{
    /// <summary>How long threads waited for any lock, in total.</summary>
    public TimeSpan TotalWait => TimeSpan.FromTicks(Locks.Sum(l => l.TotalWait.Ticks));

    /// <summary>How many times a thread had to wait for any lock.</summary>
    public long Contentions => Locks.Sum(l => l.Contentions);

    /// <summary>The row of the lock named <paramref name="name"/>, or an empty row if it never contended.</summary>
    public LockContention For(string name) =>
        Locks.FirstOrDefault(l => l.Lock == name) ?? new LockContention(name, 0, TimeSpan.Zero, TimeSpan.Zero);
}
