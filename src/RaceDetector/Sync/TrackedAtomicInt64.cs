using ActorConcurrency.RaceDetector.Tracking;

namespace ActorConcurrency.RaceDetector.Sync;

/// <summary>
/// An atomic 64-bit integer (Go's <c>atomic.Int64</c>), tracked as a synchronising operation: if an atomic
/// operation observes the effect of another, the other happens before it. Modelled like the C++/TSan
/// release sequence Go's detector uses: a load acquires, a store releases (replacing what the variable
/// carried), a read-modify-write acquires and releases (adding to it). Atomic accesses never race with each
/// other; they order the plain accesses around them.
/// </summary>
public sealed class TrackedAtomicInt64
{
    /// <summary>The value and its clock: loads, stores and every read-modify-write go through its one lock.</summary>
    private readonly TrackedAtomic<long> _cell;

    /// <summary>Creates the atomic with <paramref name="initial"/>.</summary>
    public TrackedAtomicInt64(VectorClockDetector detector, string name = "atomic", long initial = 0) =>
        _cell = new TrackedAtomic<long>(detector, name, initial);

    /// <summary>The name edges use.</summary>
    public string Name => _cell.Name;

    /// <summary>Atomic load (acquire).</summary>
    public long Load() => _cell.Load();

    /// <summary>Atomic store (release).</summary>
    public void Store(long value) => _cell.Store(value);

    /// <summary>Atomic add (acquire and release); returns the new value.</summary>
    public long Add(long delta) =>
        _cell.ReadModifyWrite(value => (value + delta, true, value + delta), "atomic write → read-modify-write");

    /// <summary>Atomic compare-and-swap; returns whether it swapped. A failed CAS only acquires.</summary>
    public bool CompareAndSwap(long expected, long desired) =>
        _cell.ReadModifyWrite(
            value => value == expected ? (desired, true, true) : (value, false, false),
            "atomic write → compare-and-swap");
}
