using System.Diagnostics;
using ActorConcurrency.RaceDetector.Clocks;
using ActorConcurrency.RaceDetector.Reports;

namespace ActorConcurrency.RaceDetector.Tracking;

/// <summary>
/// A logical thread (a goroutine): an id, a name and its vector clock. It runs on a real thread while it is
/// bound to it (<see cref="VectorClockDetector.Run"/>, <see cref="VectorClockDetector.Go"/>, or
/// <see cref="Enter"/> for an actor that runs one message at a time on pool threads). Its clock is touched
/// only by the code running as this logical thread, so it needs no lock.
/// </summary>
public sealed class LogicalThread
{
    /// <summary>The logical thread bound to the current real thread, if any.</summary>
    [ThreadStatic]
    private static LogicalThread? t_current;

    /// <summary>1 while some real thread runs as this logical thread; guards against two at once.</summary>
    private int _bound;

    /// <summary>How many ignore scopes are open (Go's <c>raceignore</c>). Only this thread changes it.</summary>
    private int _ignoreDepth;

    /// <summary>Spawned threads only: pulsed when an <see cref="Enter"/> scope ends, for <see cref="WaitIdle"/>.</summary>
    private readonly object? _idleGate;

    /// <summary>Spawned threads only: how many <see cref="Enter"/> scopes have ended. Guarded by <see cref="_idleGate"/>.</summary>
    private int _scopesEnded;

    internal LogicalThread(VectorClockDetector detector, int id, string name, bool spawned = false, int start = 0)
    {
        Detector = detector;
        Id = id;
        Name = name;
        Clock = new VectorClock(Math.Max(4, id + 1));
        _idleGate = spawned ? new object() : null;

        // A reused id goes on from where its previous thread stopped, so no epoch of that thread is one of this one.
        StartClock = start;
        Now = start;
        Clock[id] = start;
    }

    /// <summary>The logical thread running on the current real thread, or null.</summary>
    public static LogicalThread? Current => t_current;

    /// <summary>The detector this thread belongs to.</summary>
    public VectorClockDetector Detector { get; }

    /// <summary>Index of this thread in every vector clock of its detector.</summary>
    public int Id { get; }

    /// <summary>The name shown in reports (<c>main</c>, <c>worker-3</c>, …).</summary>
    public string Name { get; }

    /// <summary>
    /// What this thread runs for, as reports say it (race-mode test: <c>test Namespace.Class.Method</c>); every thread
    /// forked from it inherits it, so a race is attributed to the test whose logical thread made the access, whatever
    /// else runs in parallel. Set it before the thread forks anything.
    /// </summary>
    public string? Label { get; set; }

    /// <summary>Where this thread was created (the forking thread and the user's stack there); null for a root.</summary>
    public ThreadOrigin? Origin { get; internal set; }

    /// <summary>The clock this thread started from: its accesses have later epochs; a retired thread with its id had this one's or earlier.</summary>
    internal int StartClock { get; }

    /// <summary>The retired thread whose id this one took over, if any (one level: its own predecessor is dropped), so a report can name it.</summary>
    internal LogicalThread? Predecessor { get; set; }

    /// <summary>This thread's own clock value, <c>Clock[Id]</c>, cached for the fast path.</summary>
    public int Now { get; private set; }

    /// <summary>The current epoch <c>Now@Id</c>.</summary>
    public Epoch Epoch => new(Id, Now);

    /// <summary>Everything this thread knows of every thread. Only this thread changes it.</summary>
    internal VectorClock Clock { get; }

    /// <summary>A copy of this thread's vector clock, for display.</summary>
    public VectorClock SnapshotClock() => Clock.Clone();

    /// <summary>
    /// Runs the code that follows as this logical thread on the current real thread until the scope is
    /// disposed. An actor uses it around each message: Akka runs one message at a time, so the actor's
    /// logical thread is never on two real threads at once (checked).
    /// </summary>
    /// <exception cref="InvalidOperationException">This logical thread already runs somewhere.</exception>
    public LogicalThreadScope Enter()
    {
        if (Interlocked.Exchange(ref _bound, 1) != 0)
        {
            throw new InvalidOperationException($"Logical thread '{Name}' is already running on another real thread.");
        }

        LogicalThread? previous = t_current;
        t_current = this;
        return new LogicalThreadScope(this, previous);
    }

    internal void Leave(LogicalThread? previous)
    {
        Debug.Assert(t_current == this, "scopes are left in the order they were entered");
        t_current = previous;
        Volatile.Write(ref _bound, 0);
        if (_idleGate is not null)
        {
            lock (_idleGate)
            {
                _scopesEnded++;
                Monitor.PulseAll(_idleGate);
            }
        }
    }

    /// <summary>True inside an ignore scope: accesses are not checked and synchronisation creates no edge.</summary>
    internal bool IsIgnoring => _ignoreDepth != 0;

    internal void BeginIgnore() => _ignoreDepth++;

    internal void EndIgnore()
    {
        if (_ignoreDepth == 0)
        {
            throw new InvalidOperationException($"Logical thread '{Name}' ended an ignore scope it had not begun (RaceEnable without RaceDisable).");
        }

        _ignoreDepth--;
    }

    /// <summary>
    /// A spawned thread: waits, without creating any edge, until it has run at least once (one
    /// <see cref="Enter"/> scope ended) and is not running now. False on timeout.
    /// </summary>
    internal bool WaitIdle(TimeSpan timeout)
    {
        Debug.Assert(_idleGate is not null, "only spawned threads are waited for");
        DateTime deadline = DateTime.UtcNow + timeout;
        lock (_idleGate)
        {
            while (_scopesEnded == 0 || Volatile.Read(ref _bound) != 0)
            {
                TimeSpan left = deadline - DateTime.UtcNow;
                if (left <= TimeSpan.Zero || !Monitor.Wait(_idleGate, left))
                {
                    return _scopesEnded > 0 && Volatile.Read(ref _bound) == 0;
                }
            }

            return true;
        }
    }

    /// <summary>Whether this is a spawned thread that has not run yet or is running now (for the timeout message).</summary>
    internal bool IsBusySpawned => _idleGate is not null && (Volatile.Read(ref _scopesEnded) == 0 || Volatile.Read(ref _bound) != 0);

    /// <summary>Advances this thread's own clock: what it does next is not covered by what it released.</summary>
    internal void Tick()
    {
        Now++;
        Clock[Id] = Now;
    }

    /// <inheritdoc />
    public override string ToString() => $"{Name} (#{Id})";
}
