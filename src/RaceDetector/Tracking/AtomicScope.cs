namespace ActorConcurrency.RaceDetector.Tracking;

/// <summary>
/// One atomic access of a <see cref="ShadowLocation"/> in progress (<see cref="ShadowLocation.EnterAtomic(LogicalThread, AccessSite)"/>):
/// the location is held until <see cref="Dispose"/>, so the real atomic operation done inside and the one
/// tracking call that describes it are a single step for every other tracked access of that location.
/// <code>
/// using (AtomicScope atomic = location.EnterAtomic(thread, member, file, line))
/// {
///     result = Interlocked.Increment(ref field);
///     atomic.ReadModifyWrite();
/// }
/// </code>
/// </summary>
public readonly ref struct AtomicScope
{
    private readonly ShadowLocation _location;
    private readonly LogicalThread _thread;
    private readonly AccessSite _site;

    internal AtomicScope(ShadowLocation location, LogicalThread thread, AccessSite site)
    {
        _location = location;
        _thread = thread;
        _site = site;
    }

    /// <summary>An atomic load (<c>Volatile.Read</c>, <c>atomic.Load</c>): acquires what stores released, races with an unordered plain write.</summary>
    public void Load(string edge = "atomic store → load") => _location.AtomicLoad(_thread, _site, edge);

    /// <summary>An atomic store (<c>Volatile.Write</c>, <c>atomic.Store</c>): releases (replacing), races with an unordered plain read or write.</summary>
    public void Store() => _location.AtomicStore(_thread, _site);

    /// <summary>
    /// An atomic read-modify-write (<c>Interlocked.*</c>, <c>atomic.Add/Swap/CompareAndSwap</c>): acquires, and
    /// when it <paramref name="wrote"/> also releases (adding to what earlier writes released). A failed
    /// compare-and-swap did not write: it is an atomic load.
    /// </summary>
    public void ReadModifyWrite(bool wrote = true, string edge = "atomic write → read-modify-write") =>
        _location.AtomicReadModifyWrite(_thread, _site, wrote, edge);

    /// <summary>Lets other accesses of the location proceed.</summary>
    public void Dispose() => _location.ExitShadow();
}
