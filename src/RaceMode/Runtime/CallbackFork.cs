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
    private readonly bool _oneShot;

    private CallbackFork(RaceSession session, LogicalThread submission, string name, bool orphan, bool oneShot)
    {
        Session = session;
        _submission = submission;
        _name = name;
        _orphan = orphan;
        _oneShot = oneShot;
    }

    public RaceSession Session { get; }

    /// <summary>Every run's end is released into this key.</summary>
    public object End { get; } = new();

    /// <summary>
    /// The submission of <paramref name="callback"/>, or null for a null callback (it goes to the framework unchanged,
    /// which throws as it always does) and outside a session.
    /// </summary>
    public static CallbackFork? Submit(Delegate? callback, string name, bool oneShot) => callback is null ? null : Submit(name, oneShot);

    /// <summary>Forks the submission from the current logical thread; null outside a session.</summary>
    /// <param name="name">The name of the callback's logical threads in reports.</param>
    /// <param name="oneShot">The callback runs at most once (a continuation, a work item): its first run retires the submission.</param>
    public static CallbackFork? Submit(string name, bool oneShot)
    {
        if (RaceSession.Active is not { } session)
        {
            return null;
        }

        LogicalThread? parent = LogicalThread.Current;
        return parent is not null && parent.Detector == session.Detector
            ? new CallbackFork(session, session.Detector.SpawnFrom(parent, name), name, orphan: false, oneShot)
            // Submitted from code race mode does not see: each run knows only what was released (the global clock).
            : new CallbackFork(session, session.Detector.CreateRoot(name), name, orphan: true, oneShot);
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
        int last = 0;
        lock (_submission)
        {
            thread = Session.Detector.SpawnFrom(_submission, _name);
        }

        if (_oneShot)
        {
            Retire();
        }

        using (thread.Enter())
        {
            if (_orphan)
            {
                Session.AcquireGlobal(thread);
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
                last = thread.Now;
                SyncHooks.ReleaseCompletion(End);
                ThreadAffinity.Leave();
            }
        }

        Session.Detector.Retire(thread, last);
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
    public void Joined()
    {
        SyncHooks.Acquire(End);
        Retire();
    }

    /// <summary>
    /// No run will be forked from the submission any more (a one-shot callback has started its run, a loop has
    /// returned): its id may be reused. It never accessed anything (last epoch 0), so any fork may take it over.
    /// </summary>
    public void Retire()
    {
        if (ReferenceEquals(RaceSession.Active, Session))
        {
            lock (_submission)
            {
                Session.Detector.Retire(_submission, 0);
            }
        }
    }
}
