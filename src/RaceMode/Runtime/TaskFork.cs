using ActorConcurrency.RaceDetector.Tracking;

namespace ActorConcurrency.RaceMode.Runtime;

/// <summary>
/// One forked logical thread and the key its end is released into: running the body binds the logical thread
/// to whichever real thread the scheduler chose, for exactly as long as the body runs there.
/// </summary>
internal sealed class TaskFork
{
    private readonly bool _orphan;

    public TaskFork(RaceSession session, LogicalThread thread, bool orphan)
    {
        Session = session;
        Thread = thread;
        _orphan = orphan;
    }

    public RaceSession Session { get; }

    /// <summary>The forked logical thread.</summary>
    public LogicalThread Thread { get; }

    /// <summary>The body's end is released into this key; waiting for the task or thread acquires it.</summary>
    public object End { get; } = new();

    public void Run(Action body)
    {
        using (Enter())
        {
            try
            {
                body();
            }
            finally
            {
                SyncHooks.Release(End);
                ThreadAffinity.Leave();
            }
        }
    }

    public T Run<T>(Func<T> body)
    {
        using (Enter())
        {
            try
            {
                return body();
            }
            finally
            {
                SyncHooks.Release(End);
                ThreadAffinity.Leave();
            }
        }
    }

    /// <summary>Runs an async body's synchronous part; the proxy task then also acquires the task it returned.</summary>
    public TTask RunAsync<TTask>(Func<TTask> body)
        where TTask : Task
    {
        using (Enter())
        {
            try
            {
                TTask inner = body();
                if (inner is not null)
                {
                    Session.Link(End, inner);
                }

                return inner!;
            }
            finally
            {
                SyncHooks.Release(End);
                ThreadAffinity.Leave();
            }
        }
    }

    private LogicalThreadScope Enter()
    {
        LogicalThreadScope scope = Thread.Enter();
        if (_orphan)
        {
            Session.Backend.Acquire(Session.Global);
        }

        return scope;
    }
}
