namespace ActorConcurrency.RaceDetector.Tracking;

/// <summary>While not disposed, the current real thread runs as a <see cref="LogicalThread"/>.</summary>
public readonly struct LogicalThreadScope : IDisposable
{
    private readonly LogicalThread? _thread;
    private readonly LogicalThread? _previous;

    internal LogicalThreadScope(LogicalThread thread, LogicalThread? previous)
    {
        _thread = thread;
        _previous = previous;
    }

    /// <summary>Unbinds the logical thread and restores the one that was running before.</summary>
    public void Dispose() => _thread?.Leave(_previous);
}
