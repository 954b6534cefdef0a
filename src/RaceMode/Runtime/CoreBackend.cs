using ActorConcurrency.RaceDetector.Tracking;

namespace ActorConcurrency.RaceMode.Runtime;

/// <summary>
/// The backend on the core's location API: a <see cref="ShadowLocation"/> is the shadow of one real field or
/// element (FastTrack, with the core's mixed plain/atomic rule), and each synchronisation object has a clock of the
/// detector's <see cref="SyncObjectTable"/>, which the session keeps in a weak table (a clock dies with its object).
/// Every call comes from a hook that already found the logical thread of the session running here, and passes it.
/// </summary>
internal sealed class CoreBackend
{
    private readonly VectorClockDetector _detector;

    public CoreBackend(VectorClockDetector detector) => _detector = detector;

    public object NewCell(string name) => new ShadowLocation(_detector, name);

    public void Read(LogicalThread thread, object cell, AccessSite site) => ((ShadowLocation)cell).Read(thread, site);

    public void Write(LogicalThread thread, object cell, AccessSite site) => ((ShadowLocation)cell).Write(thread, site);

    public void Atomic(LogicalThread thread, object cell, AccessSite site, bool write)
    {
        using AtomicScope atomic = ((ShadowLocation)cell).EnterAtomic(thread, site);
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

    /// <summary>A synchronisation object's clock: the detector's table uses it as it is, with no lookup of its own.</summary>
    public object NewSync(string name) => _detector.SyncObjects.NewClock(name);

    /// <summary><paramref name="thread"/> learns what was released into <paramref name="sync"/>.</summary>
    public void Acquire(LogicalThread thread, object sync) => _detector.SyncObjects.Acquire(thread, sync);

    /// <summary>What <paramref name="thread"/> did so far happens before later acquires of <paramref name="sync"/>.</summary>
    public void Release(LogicalThread thread, object sync) => _detector.SyncObjects.ReleaseMerge(thread, sync);

    public void Merge(object from, object into) => _detector.SyncObjects.Merge(from, into);
}
