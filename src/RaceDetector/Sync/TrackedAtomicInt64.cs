using ActorConcurrency.RaceDetector.Tracking;

namespace ActorConcurrency.RaceDetector.Sync;

/// <summary>
/// An atomic 64-bit integer (Go's <c>atomic.Int64</c>): a <see cref="TrackedAtomic{T}"/> of <c>long</c> with
/// Go's method names. If an atomic operation observes the effect of another, the other happens before it.
/// Other widths: <c>TrackedAtomic&lt;int&gt;</c>, <c>&lt;uint&gt;</c>, <c>&lt;ulong&gt;</c> with
/// <see cref="TrackedAtomicArithmetic"/>.
/// </summary>
public sealed class TrackedAtomicInt64
{
    /// <summary>The value and its location.</summary>
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
    public long Add(long delta) => _cell.Add(delta);

    /// <summary>Atomic compare-and-swap; returns whether it swapped. A failed CAS only acquires.</summary>
    public bool CompareAndSwap(long expected, long desired) => _cell.CompareAndSwap(expected, desired);
}
