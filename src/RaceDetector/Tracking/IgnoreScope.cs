namespace ActorConcurrency.RaceDetector.Tracking;

/// <summary>
/// Go's <c>runtime.RaceDisable</c> … <c>RaceEnable</c> as a scope (<see cref="VectorClockDetector.Ignore"/>):
/// while it is open, the logical thread's memory accesses are neither checked nor remembered and its
/// synchronisation creates no edge. Scopes nest.
/// </summary>
public readonly struct IgnoreScope : IDisposable
{
    private readonly LogicalThread? _thread;

    internal IgnoreScope(LogicalThread thread) => _thread = thread;

    /// <summary>Ends the scope (Go's <c>RaceEnable</c>).</summary>
    public void Dispose() => _thread?.EndIgnore();
}
