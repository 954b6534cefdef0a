using System.Runtime.CompilerServices;
using ActorConcurrency.RaceDetector.Sync;

namespace ActorConcurrency.RaceDetector.Tracking;

/// <summary>
/// Happens-before through an arbitrary object (Go's <c>RaceAcquire</c>, <c>RaceRelease</c>,
/// <c>RaceReleaseMerge</c>): a release on an object happens before every later acquire on the same object
/// (by identity). Race mode uses it for what it does not rewrite — <c>Monitor</c>, <c>Lock</c>,
/// <c>SemaphoreSlim</c>, a <c>TaskCompletionSource</c> — and a program for synchronisation the detector
/// cannot see. The clocks are keyed weakly: they never keep the object alive,
/// and hold nothing of the detector, so an object that outlives the detector does not keep it alive either. Allocation-free once an
/// object has been seen, when edges are not recorded.
/// </summary>
public sealed class SyncObjectTable
{
    private readonly ConditionalWeakTable<object, SyncClock> _clocks = new();

    internal SyncObjectTable()
    {
    }

    /// <summary><paramref name="thread"/> learns everything released on <paramref name="sync"/> so far (a lock taken, a wait that returned).</summary>
    public void Acquire(LogicalThread thread, object sync, string edge = "release → acquire")
    {
        SyncClock clock = ClockOf(sync);
        lock (clock)
        {
            clock.Acquire(thread, edge);
        }
    }

    /// <summary>
    /// A release that replaces what <paramref name="sync"/> carried (Go's <c>RaceRelease</c>; a lock's exit, whose
    /// holder already knows what the previous holder released).
    /// </summary>
    public void Release(LogicalThread thread, object sync)
    {
        SyncClock clock = ClockOf(sync);
        lock (clock)
        {
            clock.ReleaseCopy(thread);
        }
    }

    /// <summary>
    /// A release that adds to what <paramref name="sync"/> carried (Go's <c>RaceReleaseMerge</c>; a semaphore
    /// release, a task completed, a count-down): every such release happens before the next acquire.
    /// </summary>
    public void ReleaseMerge(LogicalThread thread, object sync)
    {
        SyncClock clock = ClockOf(sync);
        lock (clock)
        {
            clock.ReleaseJoin(thread);
        }
    }

    /// <summary>
    /// Adds everything released on <paramref name="from"/> to <paramref name="into"/>, with no thread involved: a
    /// completion made on a thread's behalf (race mode completes a task with an item's clock from a pool thread).
    /// </summary>
    public void Merge(object from, object into)
    {
        SyncClock source = ClockOf(from);
        Clocks.VectorClock snapshot;
        lock (source)
        {
            snapshot = source.Snapshot();
        }

        SyncClock target = ClockOf(into);
        lock (target)
        {
            target.JoinFrom(snapshot);
        }
    }

    /// <summary>
    /// A clock of its own, named <paramref name="name"/> in reports: passed as the object to every method of this table,
    /// it stands for itself, with no lookup (race mode keeps one per synchronisation object it has seen).
    /// </summary>
    public object NewClock(string name) => new SyncClock(name);

    private SyncClock ClockOf(object sync)
    {
        ArgumentNullException.ThrowIfNull(sync);
        if (sync is SyncClock own)
        {
            return own;
        }

        return _clocks.TryGetValue(sync, out SyncClock? clock) ? clock : Add(sync);
    }

    private SyncClock Add(object sync) =>
        _clocks.GetValue(sync, static key => new SyncClock(key.GetType().Name));
}
