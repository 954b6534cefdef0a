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
    private readonly VectorClockDetector _detector;
    private readonly object _gate = new();
    private readonly SyncClock _clock;

    /// <summary>Guarded by <see cref="_gate"/> (the lock is what makes each operation atomic and its clock update one step).</summary>
    private long _value;

    /// <summary>Creates the atomic with <paramref name="initial"/>.</summary>
    public TrackedAtomicInt64(VectorClockDetector detector, string name = "atomic", long initial = 0)
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
    public long Load()
    {
        LogicalThread thread = _detector.CurrentThread();
        lock (_gate)
        {
            _clock.Acquire(thread, "atomic store → load");
            return _value;
        }
    }

    /// <summary>Atomic store (release).</summary>
    public void Store(long value)
    {
        LogicalThread thread = _detector.CurrentThread();
        lock (_gate)
        {
            _value = value;
            _clock.ReleaseCopy(thread);
        }
    }

    /// <summary>Atomic add (acquire and release); returns the new value.</summary>
    public long Add(long delta)
    {
        LogicalThread thread = _detector.CurrentThread();
        lock (_gate)
        {
            _clock.Acquire(thread, "atomic write → read-modify-write");
            _value += delta;
            _clock.ReleaseJoin(thread);
            return _value;
        }
    }

    /// <summary>Atomic compare-and-swap; returns whether it swapped. A failed CAS only acquires.</summary>
    public bool CompareAndSwap(long expected, long desired)
    {
        LogicalThread thread = _detector.CurrentThread();
        lock (_gate)
        {
            _clock.Acquire(thread, "atomic write → compare-and-swap");
            if (_value != expected)
            {
                return false;
            }

            _value = desired;
            _clock.ReleaseJoin(thread);
            return true;
        }
    }
}
