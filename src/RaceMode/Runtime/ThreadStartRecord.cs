namespace ActorConcurrency.RaceMode.Runtime;

/// <summary>A thread created by rewritten code: its fork is made when it is started, not when it is constructed.</summary>
internal sealed class ThreadStartRecord
{
    /// <summary>Set by <c>Start</c> before the real thread starts (Thread.Start is a full fence).</summary>
    public TaskFork? Fork { get; set; }

    public void Run(Action body)
    {
        if (Fork is { } fork)
        {
            fork.Run(body);
        }
        else
        {
            body();
        }
    }
}
