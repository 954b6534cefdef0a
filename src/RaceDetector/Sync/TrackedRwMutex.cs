using ActorConcurrency.RaceDetector.Tracking;

namespace ActorConcurrency.RaceDetector.Sync;

/// <summary>
/// Go's <c>sync.RWMutex</c>, tracked. Readers share, a writer excludes everyone, and a waiting writer stops
/// new readers (as in Go, so writers are not starved). Edges, from the Go memory model: the n-th
/// <see cref="Unlock"/> happens before every <see cref="RLock"/> that follows it, and every
/// <see cref="RUnlock"/> happens before the next <see cref="Lock"/> returns. Concurrent readers are not
/// ordered with each other, so two readers that write a variable still race.
/// </summary>
public sealed class TrackedRwMutex : ITrackedLocker
{
    private readonly VectorClockDetector _detector;
    private readonly object _gate = new();
    private readonly SyncClock _writerClock;
    private readonly SyncClock _readersClock;

    // Guarded by _gate.
    private bool _writer;
    private int _readers;
    private int _writersWaiting;

    /// <summary>Creates an unlocked reader/writer mutex.</summary>
    public TrackedRwMutex(VectorClockDetector detector, string name = "rwmutex")
    {
        ArgumentNullException.ThrowIfNull(detector);
        _detector = detector;
        Name = name;
        _writerClock = new SyncClock(name);
        _readersClock = new SyncClock(name);
    }

    /// <summary>The name edges use.</summary>
    public string Name { get; }

    /// <summary>Takes the lock for writing.</summary>
    public void Lock()
    {
        LogicalThread thread = _detector.CurrentThread();
        lock (_gate)
        {
            _writersWaiting++;
            while (_writer || _readers > 0)
            {
                Monitor.Wait(_gate);
            }

            _writersWaiting--;
            _writer = true;
            _writerClock.Acquire(thread, "rwmutex unlock → lock");
            _readersClock.Acquire(thread, "rwmutex runlock → lock");
            _readersClock.ForgetSources();
        }
    }

    /// <summary>
    /// Go's <c>TryLock</c>: takes the write lock if no reader or writer holds it now (acquiring like
    /// <see cref="Lock"/>); false at once otherwise, with no edge.
    /// </summary>
    public bool TryLock()
    {
        LogicalThread thread = _detector.CurrentThread();
        lock (_gate)
        {
            if (_writer || _readers > 0)
            {
                return false;
            }

            _writer = true;
            _writerClock.Acquire(thread, "rwmutex unlock → lock");
            _readersClock.Acquire(thread, "rwmutex runlock → lock");
            _readersClock.ForgetSources();
            return true;
        }
    }

    /// <summary>
    /// Go's <c>TryRLock</c>: takes a read lock if no writer holds or waits for the lock now (acquiring like
    /// <see cref="RLock"/>); false at once otherwise, with no edge.
    /// </summary>
    public bool TryRLock()
    {
        LogicalThread thread = _detector.CurrentThread();
        lock (_gate)
        {
            if (_writer || _writersWaiting > 0)
            {
                return false;
            }

            _readers++;
            _writerClock.Acquire(thread, "rwmutex unlock → rlock");
            return true;
        }
    }

    /// <summary>Releases the write lock.</summary>
    /// <exception cref="SynchronizationLockException">Not write-locked (Go: "sync: Unlock of unlocked RWMutex").</exception>
    public void Unlock()
    {
        LogicalThread thread = _detector.CurrentThread();
        lock (_gate)
        {
            if (!_writer)
            {
                throw new SynchronizationLockException($"sync: Unlock of unlocked RWMutex '{Name}'");
            }

            _writerClock.ReleaseCopy(thread);
            _writer = false;
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>Takes the lock for reading.</summary>
    public void RLock()
    {
        LogicalThread thread = _detector.CurrentThread();
        lock (_gate)
        {
            while (_writer || _writersWaiting > 0)
            {
                Monitor.Wait(_gate);
            }

            _readers++;
            _writerClock.Acquire(thread, "rwmutex unlock → rlock");
        }
    }

    /// <summary>Releases one read lock.</summary>
    /// <exception cref="SynchronizationLockException">Not read-locked (Go: "sync: RUnlock of unlocked RWMutex").</exception>
    public void RUnlock()
    {
        LogicalThread thread = _detector.CurrentThread();
        lock (_gate)
        {
            if (_readers == 0)
            {
                throw new SynchronizationLockException($"sync: RUnlock of unlocked RWMutex '{Name}'");
            }

            _readersClock.ReleaseJoin(thread);
            _readers--;
            if (_readers == 0)
            {
                Monitor.PulseAll(_gate);
            }
        }
    }
}
