using ActorConcurrency.RaceDetector.Sync;
using ActorConcurrency.RaceDetector.Tracking;

namespace ActorConcurrency.RaceMode.Runtime;

/// <summary>
/// The backend built on the core's public tracked types: a <see cref="TrackedVariable{T}"/> is the shadow cell
/// of one location (its value is never used), a <see cref="TrackedWaitGroup"/> is a pure release-join clock
/// (<c>Add(1); Done()</c> releases without acquiring, <c>Wait()</c> on a zero counter acquires).
/// Atomic accesses acquire and release the location's clock and then touch the cell, so atomics on one
/// location are totally ordered among themselves while a plain access mixed with them still races (Go's rule).
/// </summary>
internal sealed class TrackedBackend : IRaceBackend
{
    private readonly VectorClockDetector _detector;

    public TrackedBackend(VectorClockDetector detector) => _detector = detector;

    public object NewCell(string name) => new TrackedVariable<byte>(_detector, name);

    public void Read(object cell, AccessSite site) => ((TrackedVariable<byte>)cell).Read(site.Member, site.File, site.Line);

    public void Write(object cell, AccessSite site) => ((TrackedVariable<byte>)cell).Write(0, site.Member, site.File, site.Line);

    public void Atomic(object cell, object sync, AccessSite site, bool write)
    {
        Acquire(sync);
        if (write)
        {
            Write(cell, site);
        }
        else
        {
            Read(cell, site);
        }

        Release(sync);
    }

    public object NewSync(string name) => new TrackedWaitGroup(_detector, name);

    public void Acquire(object sync) => ((TrackedWaitGroup)sync).Wait();

    public void Release(object sync)
    {
        var group = (TrackedWaitGroup)sync;
        group.Add(1);
        group.Done();
    }
}
