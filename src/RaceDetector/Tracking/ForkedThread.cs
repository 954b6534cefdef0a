using System.Runtime.ExceptionServices;

namespace ActorConcurrency.RaceDetector.Tracking;

/// <summary>
/// A logical thread started by <see cref="VectorClockDetector.Go"/> on its own real thread. Waiting for it
/// with <see cref="Join"/> is a synchronisation (everything it did happens before <c>Join</c> returns);
/// its simply having finished is not.
/// </summary>
public sealed class ForkedThread
{
    private readonly Thread _thread;

    /// <summary>What the body threw, set before the real thread ends.</summary>
    private ExceptionDispatchInfo? _failure;

    internal ForkedThread(LogicalThread logical, Action body, int stackSize)
    {
        Logical = logical;
        _thread = new Thread(() => RunBody(body), stackSize) { IsBackground = true, Name = logical.Name };
    }

    /// <summary>The logical thread.</summary>
    public LogicalThread Logical { get; }

    /// <summary>What the body threw, if it has finished by throwing.</summary>
    public Exception? Failure => _failure?.SourceException;

    internal void Start() => _thread.Start();

    /// <summary>Waits for the real thread without creating any happens-before edge.</summary>
    internal bool WaitUntracked(TimeSpan timeout) => _thread.Join(timeout);

    /// <summary>
    /// Waits for the thread to finish; its whole execution then happens before what the caller does next
    /// (like <c>Thread.Join</c> or reading a result a goroutine sent on a channel before exiting).
    /// </summary>
    /// <exception cref="InvalidOperationException">Called from a thread that is not a logical thread of this detector, or by the thread itself.</exception>
    public void Join()
    {
        LogicalThread caller = Logical.Detector.CurrentThread();
        if (caller == Logical)
        {
            throw new InvalidOperationException($"Logical thread '{Logical.Name}' cannot join itself.");
        }

        _thread.Join();
        Logical.Detector.AcquireFrom(caller, Logical.Clock, Logical.Epoch, "join (thread ends → Join returns)");
    }

    private void RunBody(Action body)
    {
        using (Logical.Enter())
        {
            try
            {
                body();
            }
            catch (Exception ex)
            {
                _failure = ExceptionDispatchInfo.Capture(ex);
            }
        }
    }
}
