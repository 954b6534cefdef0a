using ActorConcurrency.RaceDetector.Tracking;

namespace ActorConcurrency.RaceDetector.Sync;

/// <summary>
/// Go's <c>sync.Mutex</c>, tracked: it really excludes, and the n-th <see cref="Unlock"/> happens before
/// the (n+1)-th <see cref="Lock"/> returns. Like Go's, it is not reentrant and may be unlocked by another
/// logical thread than the one that locked it; unlocking it while unlocked throws, as Go panics.
/// </summary>
public sealed class TrackedMutex
{
    private readonly VectorClockDetector _detector;
    private readonly object _gate = new();
    private readonly SyncClock _clock;

    /// <summary>Guarded by <see cref="_gate"/>.</summary>
    private bool _locked;

    /// <summary>Creates an unlocked mutex.</summary>
    public TrackedMutex(VectorClockDetector detector, string name = "mutex")
    {
        ArgumentNullException.ThrowIfNull(detector);
        _detector = detector;
        Name = name;
        _clock = new SyncClock(detector, name);
    }

    /// <summary>The name edges use.</summary>
    public string Name { get; }

    /// <summary>Blocks until the mutex is free, then holds it.</summary>
    public void Lock()
    {
        LogicalThread thread = _detector.CurrentThread();
        lock (_gate)
        {
            while (_locked)
            {
                Monitor.Wait(_gate);
            }

            _locked = true;
            _clock.Acquire(thread, "mutex unlock → lock");
        }
    }

    /// <summary>Releases the mutex.</summary>
    /// <exception cref="SynchronizationLockException">The mutex is not locked (Go: "sync: unlock of unlocked mutex").</exception>
    public void Unlock()
    {
        LogicalThread thread = _detector.CurrentThread();
        lock (_gate)
        {
            if (!_locked)
            {
                throw new SynchronizationLockException($"sync: unlock of unlocked mutex '{Name}'");
            }

            _clock.ReleaseCopy(thread);
            _locked = false;
            Monitor.Pulse(_gate);
        }
    }
}
