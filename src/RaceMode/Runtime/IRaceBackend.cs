using ActorConcurrency.RaceDetector.Tracking;

namespace ActorConcurrency.RaceMode.Runtime;

/// <summary>
/// What race mode needs from the detector core: a shadow cell per plain location (checked reads and writes)
/// and a clock per synchronisation object (release, acquire). The hooks only talk to this interface, so the
/// core's own location API can replace the interim implementation without touching the rewriter.
/// </summary>
internal interface IRaceBackend
{
    /// <summary>A fresh shadow cell for the location named <paramref name="name"/>.</summary>
    object NewCell(string name);

    /// <summary>A checked plain read of <paramref name="cell"/> by the current logical thread.</summary>
    void Read(object cell, AccessSite site);

    /// <summary>A checked plain write of <paramref name="cell"/> by the current logical thread.</summary>
    void Write(object cell, AccessSite site);

    /// <summary>
    /// A checked atomic access (load when <paramref name="write"/> is false, store or read-modify-write otherwise):
    /// it acquires what earlier atomics on the location released and releases into it, so atomics never race with
    /// each other, while a plain access that is not ordered with it still races. The caller holds the location's
    /// lock across this call and the real operation, so the shadow order is the real order.
    /// </summary>
    void Atomic(object cell, object sync, AccessSite site, bool write);

    /// <summary>A fresh clock for a synchronisation object.</summary>
    object NewSync(string name);

    /// <summary>The current logical thread learns everything released into <paramref name="sync"/>.</summary>
    void Acquire(object sync);

    /// <summary>What the current logical thread did so far happens before later acquires of <paramref name="sync"/>.</summary>
    void Release(object sync);

    /// <summary>Everything released on <paramref name="from"/> happens before later acquires of <paramref name="into"/> (no thread needed).</summary>
    void Merge(object from, object into);
}
