using System.Diagnostics;

namespace ActorConcurrency.RaceDetector.Tracking;

/// <summary>The atomic accesses of a location: Go's and TSan's rules (see the class's summary).</summary>
public sealed partial class ShadowLocation
{
    /// <summary>
    /// Begins one atomic access by <paramref name="thread"/>: holds the location until the scope is disposed,
    /// so the real atomic operation done inside the scope and its tracking (<see cref="AtomicScope.Load"/>,
    /// <see cref="AtomicScope.Store"/>, <see cref="AtomicScope.ReadModifyWrite"/>) are one step for every other
    /// tracked access of this location. Do nothing inside but the real operation: the lock is a spin lock.
    /// </summary>
    public AtomicScope EnterAtomic(LogicalThread thread, string member, string file, int line) => EnterAtomic(thread, new AccessSite(member, file, line));

    /// <summary>Begins one atomic access by <paramref name="thread"/> at <paramref name="site"/> (see the overload above).</summary>
    public AtomicScope EnterAtomic(LogicalThread thread, AccessSite site)
    {
        AssertSameDetector(thread);
        EnterShadow();
        return new AtomicScope(this, thread, site);
    }

    // Called by AtomicScope, holding the shadow lock.
    internal void AtomicLoad(LogicalThread thread, AccessSite site, string edge)
    {
        if (thread.IsIgnoring)
        {
            return;
        }

        // Acquire first: a load that reads from a store is ordered after everything before that store.
        AtomicShadow atomic = Atomic();
        atomic.Clock.Acquire(thread, edge);
        CheckPlainWrite(thread, AccessKind.AtomicRead, site);
        atomic.RecordRead(thread, site, CaptureAtomicStack());
    }

    internal void AtomicStore(LogicalThread thread, AccessSite site)
    {
        if (thread.IsIgnoring)
        {
            return;
        }

        AtomicShadow atomic = Atomic();
        CheckPlainWrite(thread, AccessKind.AtomicWrite, site);
        CheckPlainReads(thread, AccessKind.AtomicWrite, site);
        atomic.RecordWrite(thread, site, CaptureAtomicStack());
        atomic.Clock.ReleaseCopy(thread);
    }

    internal void AtomicReadModifyWrite(LogicalThread thread, AccessSite site, bool wrote, string edge)
    {
        if (thread.IsIgnoring)
        {
            return;
        }

        AtomicShadow atomic = Atomic();
        atomic.Clock.Acquire(thread, edge);
        StackTrace? stack = CaptureAtomicStack();
        CheckPlainWrite(thread, wrote ? AccessKind.AtomicWrite : AccessKind.AtomicRead, site);
        if (wrote)
        {
            // Remembered as a write only: whatever conflicts with its read half conflicts with its write half.
            CheckPlainReads(thread, AccessKind.AtomicWrite, site);
            atomic.RecordWrite(thread, site, stack);
            atomic.Clock.ReleaseJoin(thread);
        }
        else
        {
            atomic.RecordRead(thread, site, stack);
        }
    }

    private AtomicShadow Atomic() => _atomic ??= new AtomicShadow(Name);

    /// <summary>
    /// An atomic access's stack matters only if a plain access ever races with it, so a location that has
    /// only seen atomics (the common case: a counter, a flag) keeps none; once a plain access has happened,
    /// atomic accesses keep theirs. An atomic access racing with a later, first plain access is then shown by
    /// its call site.
    /// </summary>
    private StackTrace? CaptureAtomicStack() => _write != 0 || _read != 0 || _readShared ? CaptureStack() : null;
}
