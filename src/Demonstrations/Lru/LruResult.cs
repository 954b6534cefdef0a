using ActorConcurrency.SharedState.Lru;

namespace ActorConcurrency.Demonstrations.Lru;

/// <summary>
/// Task 13: each LRU form under the same concurrent workload, with its invariants checked afterwards; and one sequence
/// replayed on the exact and the CLOCK form, to show what CLOCK's approximate recency costs in hits.
/// </summary>
/// <param name="Capacity">Each cache's capacity.</param>
/// <param name="KeySpace">Keys drawn uniformly from 0 to this − 1 (twice the capacity).</param>
/// <param name="Threads">Workers per form.</param>
/// <param name="Forms">The lock form, the CLOCK form and the actor.</param>
/// <param name="Replay">The single-threaded replay on exact LRU and CLOCK.</param>
public sealed record LruResult(int Capacity, int KeySpace, int Threads, IReadOnlyList<LruFormRun> Forms, LruReplay Replay) : IDemonstrationResult
{
    /// <summary>Whether every form's invariants held and CLOCK's hit ratio stayed within the allowed gap of exact LRU's.</summary>
    public bool Held => Forms.All(f => f.Invariants.Holds) && Replay.CloseEnough;

    /// <inheritdoc />
    public string Evidence =>
        string.Join("; ", Forms.Select(f => $"{f.Form}: {(f.Invariants.Holds ? "invariants hold" : "BROKEN " + string.Join(",", f.Invariants.Broken))}, hit {f.HitRatio:P0}"))
        + $"; replay hit ratio exact {Replay.ExactHitRatio:P1} vs CLOCK {Replay.ClockHitRatio:P1} ({Replay.GainPoints:+0.0;-0.0;0.0} points)";
}

/// <summary>One form under the 90/10 get/set workload.</summary>
/// <param name="Form">The form.</param>
/// <param name="Operations">Operations in all (workers × operations each).</param>
/// <param name="Gets">Of which TryGet.</param>
/// <param name="Hits">Of which found.</param>
/// <param name="Seconds">Wall time of the run.</param>
/// <param name="Invariants">The form's invariant check after the run (by message for the actor).</param>
/// <param name="Note">What else the form says (the CLOCK form's evictions).</param>
public sealed record LruFormRun(string Form, long Operations, long Gets, long Hits, double Seconds, LruInvariantReport Invariants, string Note)
{
    /// <summary>Hits over gets.</summary>
    public double HitRatio => (double)Hits / Math.Max(1, Gets);

    /// <summary>Operations per second (indicative: one run on a shared machine).</summary>
    public double OperationsPerSecond => Operations / Seconds;
}

/// <summary>One sequence of 90% TryGet / 10% Set over Zipf(0.9) keys replayed on exact LRU and on CLOCK.</summary>
/// <param name="Length">Operations in the sequence.</param>
/// <param name="ExactHitRatio">Exact LRU's hit ratio.</param>
/// <param name="ClockHitRatio">CLOCK's hit ratio.</param>
/// <param name="CommonKeys">Keys both hold at the end.</param>
public sealed record LruReplay(int Length, double ExactHitRatio, double ClockHitRatio, int CommonKeys)
{
    /// <summary>How far (in percentage points) CLOCK's hit ratio may trail exact LRU's.</summary>
    public const double MaxGapPoints = 2.0;

    /// <summary>CLOCK's hit ratio minus exact LRU's, in percentage points.</summary>
    public double GainPoints => 100 * (ClockHitRatio - ExactHitRatio);

    /// <summary>Whether CLOCK trails by no more than <see cref="MaxGapPoints"/>.</summary>
    public bool CloseEnough => GainPoints >= -MaxGapPoints;
}
