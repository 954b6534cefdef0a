using ActorConcurrency.RaceDetector.Tracking;

namespace ActorConcurrency.RaceDetector.Sync;

/// <summary>
/// Go's <c>sync.Once</c>, tracked: the one call of the function happens before every <see cref="Do"/>
/// returns. Callers arriving while it runs wait for it. A function that throws still counts as done (as a
/// Go panic in <c>f</c> does); the exception goes to the caller that ran it.
/// </summary>
public sealed class TrackedOnce
{
    private readonly VectorClockDetector _detector;
    private readonly object _gate = new();
    private readonly SyncClock _clock;

    // Guarded by _gate.
    private bool _done;
    private bool _running;

    /// <summary>Creates a once that has not run.</summary>
    public TrackedOnce(VectorClockDetector detector, string name = "once")
    {
        ArgumentNullException.ThrowIfNull(detector);
        _detector = detector;
        Name = name;
        _clock = new SyncClock(name);
    }

    /// <summary>The name edges use.</summary>
    public string Name { get; }

    /// <summary>Runs <paramref name="function"/> if no call of <c>Do</c> has run one yet.</summary>
    /// <exception cref="InvalidOperationException">Called from inside its own function (a deadlock in Go).</exception>
    public void Do(Action function)
    {
        ArgumentNullException.ThrowIfNull(function);
        LogicalThread thread = _detector.CurrentThread();
        lock (_gate)
        {
            if (_running)
            {
                throw new InvalidOperationException($"sync: Once.Do on '{Name}' called from inside its own function (deadlock)");
            }

            if (_done)
            {
                _clock.Acquire(thread, "once function → Do returns");
                return;
            }

            _running = true;
            try
            {
                function();
            }
            finally
            {
                _running = false;
                _done = true;
                _clock.ReleaseCopy(thread);
            }
        }
    }
}
