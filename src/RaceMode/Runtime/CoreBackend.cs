using ActorConcurrency.RaceDetector.Tracking;

namespace ActorConcurrency.RaceMode.Runtime;

/// <summary>
/// The backend on the core's location API: a <see cref="ShadowLocation"/> is the shadow of one real field or
/// element (FastTrack, with the core's mixed plain/atomic rule), and synchronisation objects are clocked by the
/// detector's <see cref="SyncObjectTable"/> (weak keys: a clock dies with its object). Every call comes from a
/// hook that already checked the real thread runs a logical thread of the session.
/// </summary>
internal sealed class CoreBackend : IRaceBackend
{
    private readonly VectorClockDetector _detector;

    public CoreBackend(VectorClockDetector detector) => _detector = detector;

    public object NewCell(string name) => new ShadowLocation(_detector, name);

    public void Read(object cell, AccessSite site) => ((ShadowLocation)cell).Read(Thread, site);

    public void Write(object cell, AccessSite site) => ((ShadowLocation)cell).Write(Thread, site);

    public void Atomic(object cell, object sync, AccessSite site, bool write)
    {
        using AtomicScope atomic = ((ShadowLocation)cell).EnterAtomic(Thread, site);
        if (write)
        {
            // A store and a read-modify-write look alike at the hook; as a read-modify-write it also acquires, which
            // can only add order.
            atomic.ReadModifyWrite();
        }
        else
        {
            atomic.Load();
        }
    }

    /// <summary>A synchronisation object's clock lives in the detector's table, keyed by this object.</summary>
    public object NewSync(string name) => new SyncKey(name);

    public void Acquire(object sync) => _detector.SyncObjects.Acquire(Thread, sync);

    public void Release(object sync) => _detector.SyncObjects.ReleaseMerge(Thread, sync);

    public void Merge(object from, object into) => _detector.SyncObjects.Merge(from, into);

    private LogicalThread Thread => LogicalThread.Current!;
}
