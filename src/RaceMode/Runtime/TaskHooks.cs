using System.ComponentModel;
using System.Runtime.CompilerServices;
using ActorConcurrency.RaceDetector.Tracking;

namespace ActorConcurrency.RaceMode.Runtime;

/// <summary>
/// The fork and join hooks: <c>Task.Run</c>, <c>TaskFactory.StartNew</c> and <c>Thread.Start</c> start their body
/// as a new logical thread that knows everything its starter did (Go's go statement); the body's end is released
/// into the task or thread, so <c>Wait</c>, <c>Result</c>, <c>await</c> and <c>Join</c> acquire it. Each hook has
/// the signature of the call it replaces (an instance method's receiver comes first).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static partial class TaskHooks
{
    private static readonly ConditionalWeakTable<Thread, ThreadStartRecord> s_threads = new();

    /// <summary>Replaces <c>Task.Run(Action)</c>.</summary>
    public static Task Run(Action action) => Run(action, CancellationToken.None);

    /// <summary>Replaces <c>Task.Run(Action, CancellationToken)</c>.</summary>
    public static Task Run(Action action, CancellationToken cancellationToken)
    {
        if (Fork("task") is not { } fork)
        {
            return Task.Run(action, cancellationToken);
        }

        return fork.Link(Task.Run(() => fork.Run(action), cancellationToken));
    }

    /// <summary>Replaces <c>Task.Run&lt;T&gt;(Func&lt;T&gt;)</c>.</summary>
    public static Task<T> Run<T>(Func<T> function) => Run(function, CancellationToken.None);

    /// <summary>Replaces <c>Task.Run&lt;T&gt;(Func&lt;T&gt;, CancellationToken)</c>.</summary>
    public static Task<T> Run<T>(Func<T> function, CancellationToken cancellationToken)
    {
        if (Fork("task") is not { } fork)
        {
            return Task.Run(function, cancellationToken);
        }

        return fork.Link(Task.Run(() => fork.Run(function), cancellationToken));
    }

    /// <summary>Replaces <c>Task.Run(Func&lt;Task&gt;)</c>.</summary>
    public static Task Run(Func<Task> function) => Run(function, CancellationToken.None);

    /// <summary>Replaces <c>Task.Run(Func&lt;Task&gt;, CancellationToken)</c>: the proxy also acquires the task it unwraps.</summary>
    public static Task Run(Func<Task> function, CancellationToken cancellationToken)
    {
        if (Fork("task") is not { } fork)
        {
            return Task.Run(function, cancellationToken);
        }

        return fork.Link(Task.Run(() => fork.RunAsync(function), cancellationToken));
    }

    /// <summary>Replaces <c>Task.Run&lt;T&gt;(Func&lt;Task&lt;T&gt;&gt;)</c>.</summary>
    public static Task<T> Run<T>(Func<Task<T>> function) => Run(function, CancellationToken.None);

    /// <summary>Replaces <c>Task.Run&lt;T&gt;(Func&lt;Task&lt;T&gt;&gt;, CancellationToken)</c>.</summary>
    public static Task<T> Run<T>(Func<Task<T>> function, CancellationToken cancellationToken)
    {
        if (Fork("task") is not { } fork)
        {
            return Task.Run(function, cancellationToken);
        }

        return fork.Link(Task.Run(() => fork.RunAsync(function), cancellationToken));
    }

    /// <summary>Replaces <c>TaskFactory.StartNew(Action)</c>.</summary>
    public static Task StartNew(TaskFactory factory, Action action) =>
        StartNew(factory, action, CancellationToken.None, factory.CreationOptions, factory.Scheduler ?? TaskScheduler.Default);

    /// <summary>Replaces <c>TaskFactory.StartNew(Action, TaskCreationOptions)</c>.</summary>
    public static Task StartNew(TaskFactory factory, Action action, TaskCreationOptions options) =>
        StartNew(factory, action, CancellationToken.None, options, factory.Scheduler ?? TaskScheduler.Default);

    /// <summary>Replaces <c>TaskFactory.StartNew(Action, CancellationToken, TaskCreationOptions, TaskScheduler)</c>.</summary>
    public static Task StartNew(TaskFactory factory, Action action, CancellationToken cancellationToken, TaskCreationOptions options, TaskScheduler scheduler)
    {
        if (Fork("task") is not { } fork)
        {
            return factory.StartNew(action, cancellationToken, options, scheduler);
        }

        return fork.Link(factory.StartNew(() => fork.Run(action), cancellationToken, options, scheduler));
    }

    /// <summary>Replaces <c>TaskFactory.StartNew&lt;T&gt;(Func&lt;T&gt;)</c>.</summary>
    public static Task<T> StartNew<T>(TaskFactory factory, Func<T> function) =>
        StartNew(factory, function, CancellationToken.None, factory.CreationOptions, factory.Scheduler ?? TaskScheduler.Default);

    /// <summary>Replaces <c>TaskFactory.StartNew&lt;T&gt;(Func&lt;T&gt;, TaskCreationOptions)</c>.</summary>
    public static Task<T> StartNew<T>(TaskFactory factory, Func<T> function, TaskCreationOptions options) =>
        StartNew(factory, function, CancellationToken.None, options, factory.Scheduler ?? TaskScheduler.Default);

    /// <summary>Replaces <c>TaskFactory.StartNew&lt;T&gt;(Func&lt;T&gt;, CancellationToken, TaskCreationOptions, TaskScheduler)</c>.</summary>
    public static Task<T> StartNew<T>(TaskFactory factory, Func<T> function, CancellationToken cancellationToken, TaskCreationOptions options, TaskScheduler scheduler)
    {
        if (Fork("task") is not { } fork)
        {
            return factory.StartNew(function, cancellationToken, options, scheduler);
        }

        return fork.Link(factory.StartNew(() => fork.Run(function), cancellationToken, options, scheduler));
    }

    /// <summary>Replaces <c>new Thread(ThreadStart)</c>.</summary>
    public static Thread NewThread(ThreadStart start) => NewThread(start, 0);

    /// <summary>Replaces <c>new Thread(ThreadStart, int)</c>: the body runs as the logical thread <c>Start</c> forks.</summary>
    public static Thread NewThread(ThreadStart start, int maxStackSize)
    {
        ArgumentNullException.ThrowIfNull(start);
        var record = new ThreadStartRecord();
        var thread = new Thread(() => record.Run(() => start()), maxStackSize);
        s_threads.Add(thread, record);
        return thread;
    }

    /// <summary>Replaces <c>new Thread(ParameterizedThreadStart)</c>.</summary>
    public static Thread NewThread(ParameterizedThreadStart start) => NewThread(start, 0);

    /// <summary>Replaces <c>new Thread(ParameterizedThreadStart, int)</c>.</summary>
    public static Thread NewThread(ParameterizedThreadStart start, int maxStackSize)
    {
        ArgumentNullException.ThrowIfNull(start);
        var record = new ThreadStartRecord();
        var thread = new Thread(state => record.Run(() => start(state)), maxStackSize);
        s_threads.Add(thread, record);
        return thread;
    }

    /// <summary>Replaces <c>Thread.Start()</c>: everything the starter did happens before the thread's body.</summary>
    public static void Start(Thread thread)
    {
        Prepare(thread);
        thread.Start();
    }

    /// <summary>Replaces <c>Thread.Start(object)</c>.</summary>
    public static void Start(Thread thread, object? parameter)
    {
        Prepare(thread);
        thread.Start(parameter);
    }

    /// <summary>Replaces <c>Thread.Join()</c>: the thread's whole body happens before Join returns.</summary>
    public static void Join(Thread thread)
    {
        thread.Join();
        AcquireEnd(thread);
    }

    /// <summary>Replaces <c>Thread.Join(int)</c>.</summary>
    public static bool Join(Thread thread, int millisecondsTimeout)
    {
        bool ended = thread.Join(millisecondsTimeout);
        if (ended)
        {
            AcquireEnd(thread);
        }

        return ended;
    }

    /// <summary>Replaces <c>Thread.Join(TimeSpan)</c>.</summary>
    public static bool Join(Thread thread, TimeSpan timeout)
    {
        bool ended = thread.Join(timeout);
        if (ended)
        {
            AcquireEnd(thread);
        }

        return ended;
    }

    /// <summary>After a wait for <paramref name="task"/> (<c>Wait</c>, <c>Result</c>, an awaiter's <c>GetResult</c>).</summary>
    public static void AcquireTask(Task? task)
    {
        if (task is not null && RaceSession.Active is { } session && session.CurrentOrCount() is { } thread)
        {
            session.AcquireKey(thread, task);
        }
    }

    /// <summary>
    /// After <c>Task.Delay</c> (without a token) made <paramref name="task"/>: a delay only passes time, as Go's
    /// <c>time.Sleep</c>, so awaiting it orders nothing. Its task gets a clock of its own that nothing releases into,
    /// instead of the global clock that a framework-made task stands for (which would order the waiter after every
    /// task that ended meanwhile: a miss, as sleeping until the other side is surely done is still a race).
    /// </summary>
    public static void Sleep(Task task)
    {
        if (RaceSession.Active is { } session)
        {
            session.SyncOf(task);
        }
    }

    /// <summary>Before a task is completed (an async method's builder, a task completion source).</summary>
    public static void ReleaseTask(Task? task) => SyncHooks.ReleaseCompletion(task);

    /// <summary>Forks a logical thread from the current one, or null outside a session.</summary>
    internal static TaskFork? Fork(string name)
    {
        if (RaceSession.Active is not { } session)
        {
            return null;
        }

        LogicalThread? parent = LogicalThread.Current;
        if (parent is not null && parent.Detector == session.Detector)
        {
            return new TaskFork(session, session.Detector.SpawnFrom(parent, name), orphan: false);
        }

        // Started from code race mode does not see (a framework callback): it can know only what was released.
        return new TaskFork(session, session.Detector.CreateRoot(name), orphan: true);
    }

    private static void Prepare(Thread thread)
    {
        if (s_threads.TryGetValue(thread, out ThreadStartRecord? record))
        {
            record.Fork = Fork(thread.Name ?? "thread");
        }
    }

    private static void AcquireEnd(Thread thread)
    {
        if (s_threads.TryGetValue(thread, out ThreadStartRecord? record) && record.Fork is { } fork)
        {
            SyncHooks.Acquire(fork.End);
        }
    }
}
