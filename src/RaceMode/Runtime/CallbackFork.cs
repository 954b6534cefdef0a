using ActorConcurrency.RaceDetector.Tracking;

namespace ActorConcurrency.RaceMode.Runtime;

/// <summary>
/// A callback handed to the framework (a continuation, a work item, a loop body, a timer tick), modelled as Go
/// models a go statement: the submission is a logical thread forked from the submitter, so everything the
/// submitter did before submitting happens before each run; each run of the callback is a new logical thread
/// forked from it (runs are concurrent with each other), and its end is released into <see cref="End"/>, which
/// whoever waits for the callback's completion acquires (the continuation task, <c>Parallel.*</c> returning).
/// </summary>
internal sealed class CallbackFork
{
    private readonly LogicalThread _submission;
    private readonly string _name;
    private readonly bool _orphan;

    private CallbackFork(RaceSession session, LogicalThread submission, string name, bool orphan)
    {
        Session = session;
        _submission = submission;
        _name = name;
        _orphan = orphan;
    }

    public RaceSession Session { get; }

    /// <summary>Every run's end is released into this key.</summary>
    public object End { get; } = new();

    /// <summary>Forks the submission from the current logical thread; null outside a session.</summary>
    public static CallbackFork? Submit(string name)
    {
        if (RaceSession.Active is not { } session)
        {
            return null;
        }

        LogicalThread? parent = LogicalThread.Current;
        return parent is not null && parent.Detector == session.Detector
            ? new CallbackFork(session, session.Detector.Spawn(name), name, orphan: false)
            // Submitted from code race mode does not see: each run knows only what was released (the global clock).
            : new CallbackFork(session, session.Detector.CreateRoot(name), name, orphan: true);
    }

    /// <summary>
    /// Runs one invocation as a new logical thread that also acquires <paramref name="after"/> (the antecedent
    /// task or tasks of a continuation, the timer whose <c>Change</c> or <c>Start</c> released it), if given.
    /// </summary>
    public void Run(Action body, object? after = null)
    {
        if (!ReferenceEquals(RaceSession.Active, Session))
        {
            body();
            return;
        }

        LogicalThread thread;
        lock (_submission)
        {
            thread = Session.Detector.SpawnFrom(_submission, _name);
        }

        using (thread.Enter())
        {
            if (_orphan)
            {
                Session.Backend.Acquire(Session.Global);
            }

            if (after is Task[] tasks)
            {
                foreach (Task task in tasks)
                {
                    SyncHooks.Acquire(task);
                }
            }
            else if (after is not null)
            {
                SyncHooks.Acquire(after);
            }

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

    /// <summary><see cref="Run(Action, object?)"/> for a callback with a result.</summary>
    public T Run<T>(Func<T> body, object? after = null)
    {
        T result = default!;
        Run(() => { result = body(); }, after);
        return result;
    }

    /// <summary>Waiting for <paramref name="task"/> (the framework's task that runs the callback) acquires every run's end.</summary>
    public TTask Link<TTask>(TTask task)
        where TTask : Task
    {
        Session.Link(task, End);
        return task;
    }

    /// <summary>After the framework call that ran the callbacks returned (or threw): the caller acquires every run's end.</summary>
    public void Joined() => SyncHooks.Acquire(End);
}
