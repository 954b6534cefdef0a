using System.Collections.Concurrent;
using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace ActorConcurrency.RaceMode.Runtime;

/// <summary>
/// <c>Barrier</c>, phase by phase: every participant's arrival in a phase (and the post-phase action, user code that
/// runs once all arrived) happens before every participant's release from that phase. A participant that has moved
/// on to the next phase is not ordered with the slow ones still leaving the last: each phase has its own clock.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class BarrierHooks
{
    private static readonly ConditionalWeakTable<Barrier, ConcurrentDictionary<long, object>> s_phases = new();

    public static Barrier NewBarrier(int participantCount, Action<Barrier>? postPhaseAction)
    {
        if (postPhaseAction is null)
        {
            return new Barrier(participantCount);
        }

        return new Barrier(participantCount, b =>
        {
            postPhaseAction(b);
            SyncHooks.Release(Phase(b, b.CurrentPhaseNumber));
        });
    }

    public static void SignalAndWait(Barrier barrier)
    {
        object phase = Arrive(barrier);
        barrier.SignalAndWait();
        SyncHooks.Acquire(phase);
    }

    public static void SignalAndWait(Barrier barrier, CancellationToken cancellationToken)
    {
        object phase = Arrive(barrier);
        barrier.SignalAndWait(cancellationToken);
        SyncHooks.Acquire(phase);
    }

    public static bool SignalAndWait(Barrier barrier, int millisecondsTimeout)
    {
        object phase = Arrive(barrier);
        return SyncHooks.AcquireIf(phase, barrier.SignalAndWait(millisecondsTimeout));
    }

    public static bool SignalAndWait(Barrier barrier, TimeSpan timeout)
    {
        object phase = Arrive(barrier);
        return SyncHooks.AcquireIf(phase, barrier.SignalAndWait(timeout));
    }

    public static bool SignalAndWait(Barrier barrier, int millisecondsTimeout, CancellationToken cancellationToken)
    {
        object phase = Arrive(barrier);
        return SyncHooks.AcquireIf(phase, barrier.SignalAndWait(millisecondsTimeout, cancellationToken));
    }

    public static bool SignalAndWait(Barrier barrier, TimeSpan timeout, CancellationToken cancellationToken)
    {
        object phase = Arrive(barrier);
        return SyncHooks.AcquireIf(phase, barrier.SignalAndWait(timeout, cancellationToken));
    }

    /// <summary>
    /// The arrival: this participant cannot be counted in a later phase before it arrives, so the phase read now is
    /// the one it arrives in.
    /// </summary>
    private static object Arrive(Barrier barrier)
    {
        object phase = Phase(barrier, barrier.CurrentPhaseNumber);
        SyncHooks.Release(phase);
        return phase;
    }

    private static object Phase(Barrier barrier, long phase) =>
        s_phases.GetValue(barrier, static _ => new ConcurrentDictionary<long, object>()).GetOrAdd(phase, static _ => new object());
}
