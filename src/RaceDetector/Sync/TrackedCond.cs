using ActorConcurrency.RaceDetector.Clocks;
using ActorConcurrency.RaceDetector.Tracking;

namespace ActorConcurrency.RaceDetector.Sync;

/// <summary>
/// Go's <c>sync.Cond</c>, tracked. <see cref="Wait"/> atomically unlocks <see cref="L"/> and parks; once woken
/// it locks <see cref="L"/> again before returning, so it releases and re-acquires the lock (unlock → lock
/// edges, as for any holder). A <see cref="Signal"/> or <see cref="Broadcast"/> happens before the return of
/// every Wait it unblocks (Go: it "synchronizes before" them), whether or not the signaller held the lock;
/// a Signal with nobody waiting is lost and orders nothing. Waiters are woken in the order they parked.
/// </summary>
public sealed class TrackedCond
{
    private readonly VectorClockDetector _detector;
    private readonly object _gate = new();

    /// <summary>Parked waiters in arrival order. Guarded by <see cref="_gate"/>.</summary>
    private readonly Queue<CondWaiter> _waiters = new();

    /// <summary>Creates a condition variable over <paramref name="locker"/> (Go's <c>sync.NewCond(l)</c>).</summary>
    public TrackedCond(VectorClockDetector detector, ITrackedLocker locker, string name = "cond")
    {
        ArgumentNullException.ThrowIfNull(detector);
        ArgumentNullException.ThrowIfNull(locker);
        _detector = detector;
        L = locker;
        Name = name;
    }

    /// <summary>Go's <c>c.L</c>: held while observing or changing the condition, and when calling <see cref="Wait"/>.</summary>
    public ITrackedLocker L { get; }

    /// <summary>The name edges use.</summary>
    public string Name { get; }

    /// <summary>
    /// Unlocks <see cref="L"/>, parks until a Signal or Broadcast picks this waiter, then locks <see cref="L"/>
    /// again. The caller must hold <see cref="L"/>; as in Go, re-check the condition in a loop.
    /// </summary>
    /// <exception cref="SynchronizationLockException"><see cref="L"/> is not held (its Unlock throws).</exception>
    public void Wait()
    {
        LogicalThread thread = _detector.CurrentThread();
        var waiter = new CondWaiter();
        lock (_gate)
        {
            // Enqueued before the unlock (Go's notifyListAdd): a Signal after the unlock always finds it.
            _waiters.Enqueue(waiter);
        }

        try
        {
            L.Unlock();
        }
        catch
        {
            lock (_gate)
            {
                Remove(waiter);
            }

            throw;
        }

        lock (_gate)
        {
            while (!waiter.Woken)
            {
                Monitor.Wait(_gate);
            }
        }

        _detector.AcquireFrom(thread, waiter.SignalClock!, waiter.SignalEpoch, "cond Signal/Broadcast → Wait returns", Name);
        L.Lock();
    }

    /// <summary>Wakes the longest-waiting waiter, if any; its Wait returns after this call.</summary>
    public void Signal()
    {
        LogicalThread thread = _detector.CurrentThread();
        lock (_gate)
        {
            if (_waiters.TryDequeue(out CondWaiter? waiter))
            {
                Wake(thread, waiter);
                thread.Tick();
                Monitor.PulseAll(_gate);
            }
        }
    }

    /// <summary>Wakes every waiter parked now.</summary>
    public void Broadcast()
    {
        LogicalThread thread = _detector.CurrentThread();
        lock (_gate)
        {
            if (_waiters.Count == 0)
            {
                return;
            }

            while (_waiters.TryDequeue(out CondWaiter? waiter))
            {
                Wake(thread, waiter);
            }

            thread.Tick();
            Monitor.PulseAll(_gate);
        }
    }

    private static void Wake(LogicalThread thread, CondWaiter waiter)
    {
        (VectorClock clock, Epoch epoch) = VectorClockDetector.ReleaseSnapshot(thread);
        waiter.SignalClock = clock;
        waiter.SignalEpoch = epoch;
        waiter.Woken = true;
    }

    private void Remove(CondWaiter waiter)
    {
        CondWaiter[] rest = _waiters.Where(w => w != waiter).ToArray();
        _waiters.Clear();
        foreach (CondWaiter w in rest)
        {
            _waiters.Enqueue(w);
        }
    }
}
