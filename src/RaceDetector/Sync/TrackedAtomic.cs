using ActorConcurrency.RaceDetector.Tracking;

namespace ActorConcurrency.RaceDetector.Sync;

/// <summary>
/// An atomic value of any type (Go's <c>atomic.Value</c> / <c>atomic.Bool</c>; .NET's <c>Volatile</c> field
/// or <c>Interlocked.Exchange</c>), tracked with the same rules as <see cref="TrackedAtomicInt64"/>: a load
/// that sees a store is ordered after it, which is what makes flag publication correct.
/// </summary>
/// <typeparam name="T">The value's type.</typeparam>
public sealed class TrackedAtomic<T>
{
    private readonly VectorClockDetector _detector;
    private readonly object _gate = new();
    private readonly SyncClock _clock;

    /// <summary>Guarded by <see cref="_gate"/>.</summary>
    private T _value;

    /// <summary>Creates the atomic with <paramref name="initial"/>.</summary>
    public TrackedAtomic(VectorClockDetector detector, string name = "atomic", T initial = default!)
    {
        ArgumentNullException.ThrowIfNull(detector);
        _detector = detector;
        Name = name;
        _value = initial;
        _clock = new SyncClock(detector, name);
    }

    /// <summary>The name edges use.</summary>
    public string Name { get; }

    /// <summary>Atomic load (acquire).</summary>
    public T Load()
    {
        LogicalThread thread = _detector.CurrentThread();
        lock (_gate)
        {
            _clock.Acquire(thread, "atomic store → load");
            return _value;
        }
    }

    /// <summary>Atomic store (release).</summary>
    public void Store(T value)
    {
        LogicalThread thread = _detector.CurrentThread();
        lock (_gate)
        {
            _value = value;
            _clock.ReleaseCopy(thread);
        }
    }

    /// <summary>Atomic exchange (acquire and release); returns the old value.</summary>
    public T Exchange(T value) => ReadModifyWrite(old => (value, true, old), "atomic write → exchange");

    /// <summary>
    /// One atomic read-modify-write: acquires (labelled <paramref name="edge"/>), lets <paramref name="update"/>
    /// see the current value, stores its new value and releases only when it says it wrote (a failed
    /// compare-and-swap only acquires). Returns what <paramref name="update"/> returned.
    /// </summary>
    internal TResult ReadModifyWrite<TResult>(Func<T, (T Value, bool Wrote, TResult Result)> update, string edge)
    {
        LogicalThread thread = _detector.CurrentThread();
        lock (_gate)
        {
            _clock.Acquire(thread, edge);
            (T value, bool wrote, TResult result) = update(_value);
            if (wrote)
            {
                _value = value;
                _clock.ReleaseJoin(thread);
            }

            return result;
        }
    }
}
