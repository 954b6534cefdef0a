using System.Globalization;
using ActorConcurrency.SharedState.Profiling;

namespace ActorConcurrency.Demonstrations.Profiling;

/// <summary>
/// Task 16: the worker pool with one shared stats lock, the refactored pool (per-worker stats merged at the end) and
/// the actor pool, each run under the contention profiler.
/// </summary>
/// <param name="Workers">Workers per pool.</param>
/// <param name="Seconds">How long each pool ran under load.</param>
/// <param name="Shared">Before: one stats lock taken by every job.</param>
/// <param name="PerWorker">After: per-worker stats, merged once per worker.</param>
/// <param name="Actors">A router pool of workers reporting to one stats actor.</param>
public sealed record MutexProfileResult(int Workers, double Seconds, PoolProfile Shared, PoolProfile PerWorker, PoolProfile Actors) : IDemonstrationResult
{
    /// <summary>Whether every pool recorded every job it was given (the profile itself decides nothing).</summary>
    public bool Held => Shared.AllRecorded && PerWorker.AllRecorded && Actors.AllRecorded;

    /// <inheritdoc />
    public string Evidence
    {
        get
        {
            ContentionReport before = Shared.Report, after = PerWorker.Report;
            LockContention statsBefore = before.For(Shared.LockName!), statsAfter = after.For(PerWorker.LockName!);
            return $"all locks: {before.Contentions} contentions ({Ms(before.TotalWait)} ms) before, {after.Contentions} ({Ms(after.TotalWait)} ms) after the refactor; " +
                $"stats lock {statsBefore.Contentions} ({Ms(statsBefore.TotalWait)} ms) -> {statsAfter.Contentions} ({Ms(statsAfter.TotalWait)} ms); " +
                $"jobs/s shared {Shared.JobsPerSecond:N0}, per-worker {PerWorker.JobsPerSecond:N0}, actors {Actors.JobsPerSecond:N0}";
        }
    }

    /// <summary>What the refactor did to lock wait, from the two profiles.</summary>
    public string Conclusion => Conclude(Shared.Report, PerWorker.Report, Shared.JobsPerSecond, PerWorker.JobsPerSecond);

    /// <summary>What the refactor did to lock wait, from the two profiles: only what they show.</summary>
    public static string Conclude(ContentionReport before, ContentionReport after, double jobsPerSecondBefore, double jobsPerSecondAfter)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        string total = after.TotalWait < before.TotalWait
            ? $"The refactor cut the total lock wait from {Ms(before.TotalWait)} ms to {Ms(after.TotalWait)} ms ({100 * (1 - (after.TotalWait / before.TotalWait)):0}% less)"
            : $"The refactor did not cut the total lock wait: {Ms(before.TotalWait)} ms before, {Ms(after.TotalWait)} ms after";
        string top = after.Locks.Count == 0 ? "; afterwards no lock was contended"
            : $"; afterwards most of the wait is on {after.Locks[0].Lock} ({Ms(after.Locks[0].TotalWait)} ms)";
        string rate = jobsPerSecondBefore <= 0 ? ""
            : $". Throughput {jobsPerSecondBefore:N0} -> {jobsPerSecondAfter:N0} jobs/s ({jobsPerSecondAfter / jobsPerSecondBefore:0.00}x; indicative, one run).";
        return total + top + rate;
    }

    /// <summary>Milliseconds, one decimal, as every figure of this task prints them.</summary>
    public static string Ms(TimeSpan t) => t.TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture);
}

/// <summary>One pool run under the contention profiler.</summary>
/// <param name="LockName">The stats lock's name as the profile names it; null for the actor pool, which has none.</param>
/// <param name="Report">What the profiler captured: every contended lock, ranked by wait.</param>
/// <param name="Submitted">Jobs submitted (sent, for the actors).</param>
/// <param name="Recorded">Jobs the stats recorded.</param>
/// <param name="JobsPerSecond">Submitted jobs per second (indicative, one run).</param>
public sealed record PoolProfile(string? LockName, ContentionReport Report, long Submitted, long Recorded, double JobsPerSecond)
{
    /// <summary>Whether the stats recorded every job.</summary>
    public bool AllRecorded => Recorded == Submitted;
}
