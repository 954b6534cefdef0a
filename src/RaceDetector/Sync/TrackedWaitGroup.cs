using ActorConcurrency.RaceDetector.Tracking;

namespace ActorConcurrency.RaceDetector.Sync;

/// <summary>
/// Go's <c>sync.WaitGroup</c>, tracked: every <see cref="Done"/> happens before the <see cref="Wait"/> that
/// it lets return. Only the <c>Done</c> is an edge: what a worker does after its <c>Done</c> (or its simply
/// finishing) is not ordered before <c>Wait</c> returning. A negative counter throws, as Go panics.
/// </summary>
public sealed class TrackedWaitGroup
{
    private readonly VectorClockDetector _detector;
    private readonly object _gate = new();
    private readonly SyncClock _clock;

    /// <summary>Guarded by <see cref="_gate"/>.</summary>
    private int _count;

    /// <summary>Creates a wait group with a zero counter.</summary>
    public TrackedWaitGroup(VectorClockDetector detector, string name = "waitgroup")
    {
        ArgumentNullException.ThrowIfNull(detector);
        _detector = detector;
        Name = name;
        _clock = new SyncClock(name);
    }

    /// <summary>The name edges use.</summary>
    public string Name { get; }

    /// <summary>Adds <paramref name="delta"/> (may be negative) to the counter.</summary>
    /// <exception cref="InvalidOperationException">The counter would go below zero (Go: "sync: negative WaitGroup counter"); it is left unchanged.</exception>
    public void Add(int delta)
    {
        LogicalThread thread = _detector.CurrentThread();
        lock (_gate)
        {
            if (_count + delta < 0)
            {
                throw new InvalidOperationException($"sync: negative WaitGroup counter '{Name}' ({_count} + {delta})");
            }

            if (delta < 0)
            {
                // A Done: what this thread did so far happens before the Wait it releases.
                _clock.ReleaseJoin(thread);
            }

            _count += delta;
            if (_count == 0)
            {
                Monitor.PulseAll(_gate);
            }
        }
    }

    /// <summary>Decrements the counter by one.</summary>
    /// <exception cref="InvalidOperationException">The counter is already zero.</exception>
    public void Done() => Add(-1);

    /// <summary>Blocks until the counter is zero.</summary>
    public void Wait()
    {
        LogicalThread thread = _detector.CurrentThread();
        lock (_gate)
        {
            while (_count > 0)
            {
                Monitor.Wait(_gate);
            }

            _clock.Acquire(thread, "WaitGroup Done → Wait returns");
        }
    }
}
