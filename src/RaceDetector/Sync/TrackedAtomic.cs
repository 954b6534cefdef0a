using System.Runtime.CompilerServices;
using ActorConcurrency.RaceDetector.Tracking;

namespace ActorConcurrency.RaceDetector.Sync;

/// <summary>
/// An atomic value of any type (Go's <c>atomic.Value</c>, <c>atomic.Bool</c>, <c>atomic.Int32</c>…; .NET's
/// <c>Volatile</c> field or <c>Interlocked</c>), tracked as a synchronising operation on its
/// <see cref="ShadowLocation"/>: a load acquires, a store releases (replacing what the location carried), a
/// read-modify-write acquires and releases (adding to it: release sequences), a failed compare-and-swap only
/// acquires. A load that sees a store is thus ordered after it, which is what makes flag publication
/// correct. Atomic accesses never race with each other. Integer arithmetic (<c>Add</c>, <c>And</c>,
/// <c>Or</c>) for every integer width is in <see cref="TrackedAtomicArithmetic"/>.
/// </summary>
/// <typeparam name="T">The value's type.</typeparam>
public sealed class TrackedAtomic<T>
{
    private readonly VectorClockDetector _detector;

    /// <summary>Read and written only inside the location's atomic scope.</summary>
    private T _value;

    /// <summary>Creates the atomic with <paramref name="initial"/>.</summary>
    public TrackedAtomic(VectorClockDetector detector, string name = "atomic", T initial = default!)
    {
        ArgumentNullException.ThrowIfNull(detector);
        _detector = detector;
        Location = new ShadowLocation(detector, name);
        _value = initial;
    }

    /// <summary>The name edges and reports use.</summary>
    public string Name => Location.Name;

    /// <summary>The value's shadow state.</summary>
    public ShadowLocation Location { get; }

    /// <summary>Atomic load (acquire).</summary>
    public T Load([CallerMemberName] string member = "", [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        using AtomicScope atomic = Location.EnterAtomic(_detector.CurrentThread(), member, file, line);
        atomic.Load();
        return _value;
    }

    /// <summary>Atomic store (release).</summary>
    public void Store(T value, [CallerMemberName] string member = "", [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        using AtomicScope atomic = Location.EnterAtomic(_detector.CurrentThread(), member, file, line);
        _value = value;
        atomic.Store();
    }

    /// <summary>Atomic exchange, Go's <c>Swap</c> (acquire and release); returns the old value.</summary>
    public T Exchange(T value, [CallerMemberName] string member = "", [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        using AtomicScope atomic = Location.EnterAtomic(_detector.CurrentThread(), member, file, line);
        T old = _value;
        _value = value;
        atomic.ReadModifyWrite(wrote: true, "atomic write → exchange");
        return old;
    }

    /// <summary>
    /// Atomic compare-and-swap: stores <paramref name="desired"/> if the value equals <paramref name="expected"/>
    /// (<see cref="EqualityComparer{T}.Default"/>, Go's <c>==</c>); returns whether it swapped. A failed CAS only acquires.
    /// </summary>
    public bool CompareAndSwap(T expected, T desired, [CallerMemberName] string member = "", [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        using AtomicScope atomic = Location.EnterAtomic(_detector.CurrentThread(), member, file, line);
        bool swapped = EqualityComparer<T>.Default.Equals(_value, expected);
        if (swapped)
        {
            _value = desired;
        }

        atomic.ReadModifyWrite(swapped, "atomic write → compare-and-swap");
        return swapped;
    }

    /// <summary>The detector, for the arithmetic extensions.</summary>
    internal VectorClockDetector Detector => _detector;

    /// <summary>The value's storage, for read-modify-writes done inside the location's atomic scope.</summary>
    internal ref T Value => ref _value;
}
