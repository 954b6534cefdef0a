using ActorConcurrency.RaceDetector.Tracking;

namespace ActorConcurrency.RaceMode.Runtime;

/// <summary>
/// One forked logical thread and the key its end is released into: running the body binds the logical thread
/// to whichever real thread the scheduler chose, for exactly as long as the body runs there.
/// </summary>
internal sealed class TaskFork
{
    private readonly bool _orphan;
    private int _last;

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

    /// <summary>Waiting for <paramref name="task"/> (the framework's task that runs the body) acquires the body's end.</summary>
    public TTask Link<TTask>(TTask task)
        where TTask : Task
    {
        Session.Link(task, End);
        return task;
    }

    public void Run(Action body)
    {
        try
        {
            using (Enter())
            {
                try
                {
                    body();
                }
                finally
                {
                    Finish();
                }
            }
        }
        finally
        {
            Retire();
        }
    }

    public T Run<T>(Func<T> body)
    {
        try
        {
            using (Enter())
            {
                try
                {
                    return body();
                }
                finally
                {
                    Finish();
                }
            }
        }
        finally
        {
            Retire();
        }
    }

    /// <summary>Runs an async body's synchronous part; the proxy task then also acquires the task it returned.</summary>
    public TTask RunAsync<TTask>(Func<TTask> body)
        where TTask : Task
    {
        try
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
                    Finish();
                }
            }
        }
        finally
        {
            Retire();
        }
    }

    /// <summary>The body's end: released into <see cref="End"/> (the last thing the thread does that anyone sees).</summary>
    private void Finish()
    {
        _last = Thread.Now;
        SyncHooks.ReleaseCompletion(End);
        ThreadAffinity.Leave();
    }

    /// <summary>After the body left its real thread for good: its id may be reused by a thread forked after a join.</summary>
    private void Retire()
    {
        if (ReferenceEquals(RaceSession.Active, Session))
        {
            Session.Detector.Retire(Thread, _last);
        }
    }

    private LogicalThreadScope Enter()
    {
        LogicalThreadScope scope = Thread.Enter();
        if (_orphan)
        {
            Session.AcquireGlobal(Thread);
        }

        return scope;
    }
}
