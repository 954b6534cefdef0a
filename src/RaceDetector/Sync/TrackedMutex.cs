using ActorConcurrency.RaceDetector.Tracking;

namespace ActorConcurrency.RaceDetector.Sync;

/// <summary>
/// Go's <c>sync.Mutex</c>, tracked: it really excludes, and the n-th <see cref="Unlock"/> happens before
/// the (n+1)-th <see cref="Lock"/> returns. Like Go's, it is not reentrant and may be unlocked by another
/// logical thread than the one that locked it (so the exclusion is a <see cref="SemaphoreSlim"/>, which has
/// no owner thread, not a <c>Monitor</c>); unlocking it while unlocked throws, as Go panics.
/// </summary>
public sealed class TrackedMutex : ITrackedLocker
{
    private readonly VectorClockDetector _detector;
    private readonly SemaphoreSlim _exclusion = new(1, 1);
    private readonly SyncClock _clock;

    /// <summary>1 while held. Written only by the holder (or by a bad unlock, which then throws).</summary>
    private int _held;

    /// <summary>Creates an unlocked mutex.</summary>
    public TrackedMutex(VectorClockDetector detector, string name = "mutex")
    {
        ArgumentNullException.ThrowIfNull(detector);
        _detector = detector;
        Name = name;
        _clock = new SyncClock(name);
    }

    /// <summary>The name edges use.</summary>
    public string Name { get; }

    /// <summary>Blocks until the mutex is free, then holds it.</summary>
    public void Lock()
    {
        LogicalThread thread = _detector.CurrentThread();
        _exclusion.Wait();

        // We hold the mutex: the clock is ours until Unlock, and it holds the last unlocker's knowledge.
        Volatile.Write(ref _held, 1);
        _clock.Acquire(thread, "mutex unlock → lock");
    }

    /// <summary>
    /// Go's <c>TryLock</c>: holds the mutex if it is free right now and returns true (acquiring like
    /// <see cref="Lock"/>); returns false at once otherwise. A failed TryLock creates no edge: seeing the mutex
    /// held says nothing about what its holder did.
    /// </summary>
    public bool TryLock()
    {
        LogicalThread thread = _detector.CurrentThread();
        if (!_exclusion.Wait(0))
        {
            return false;
        }

        Volatile.Write(ref _held, 1);
        _clock.Acquire(thread, "mutex unlock → lock");
        return true;
    }

    /// <summary>Releases the mutex.</summary>
    /// <exception cref="SynchronizationLockException">The mutex is not locked (Go: "sync: unlock of unlocked mutex").</exception>
    public void Unlock()
    {
        LogicalThread thread = _detector.CurrentThread();
        if (Volatile.Read(ref _held) == 0)
        {
            throw new SynchronizationLockException($"sync: unlock of unlocked mutex '{Name}'");
        }

        // Release into the clock before letting the next locker in, so it finds this unlock's knowledge.
        _clock.ReleaseCopy(thread);
        if (Interlocked.Exchange(ref _held, 0) == 0)
        {
            throw new SynchronizationLockException($"sync: unlock of unlocked mutex '{Name}' (two concurrent unlocks)");
        }

        _exclusion.Release();
    }
}
