namespace ActorConcurrency.SharedState.Profiling;

/// <summary>One row of a contention profile: how often threads waited for one lock, and for how long.</summary>
/// <param name="Lock">The lock's name, or "unnamed lock 0x…" for a lock nobody named (the runtime's own, a library's).</param>
/// <param name="Contentions">How many times a thread found the lock held and had to wait (ContentionStart events).</param>
/// <param name="TotalWait">The sum of the waits (ContentionStop durations).</param>
/// <param name="MaxWait">The longest single wait.</param>
public sealed record LockContention(string Lock, long Contentions, TimeSpan TotalWait, TimeSpan MaxWait)
{
    /// <summary>The mean wait per contention.</summary>
    public TimeSpan MeanWait => Contentions == 0 ? TimeSpan.Zero : TotalWait / Contentions;
}
