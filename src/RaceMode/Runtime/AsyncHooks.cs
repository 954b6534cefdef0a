using System.Collections.Concurrent;
using System.ComponentModel;
using System.Reflection;
using System.Runtime.CompilerServices;
using ActorConcurrency.RaceDetector.Tracking;

namespace ActorConcurrency.RaceMode.Runtime;

/// <summary>
/// The async hooks. An async method runs as its caller until it first suspends; there it forks its own logical
/// thread (it now runs concurrently with the caller), kept in a field the rewriter adds to the state machine,
/// and every resumption of <c>MoveNext</c> runs as that thread. Completing the method's task releases into it;
/// an awaiter's <c>GetResult</c> acquires the awaited task (or, for a task race mode cannot see into, the
/// global clock). Each awaiter and builder hook has the signature of the call it replaces.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class AsyncHooks
{
    private static readonly ConcurrentDictionary<Type, FieldInfo?> s_builderTasks = new();

    /// <summary>The state machine thread whose <c>MoveNext</c> runs innermost on this real thread, if it runs as one.</summary>
    [ThreadStatic]
    private static LogicalThread? t_running;

    /// <summary>At the top of a rewritten <c>MoveNext</c>: binds the state machine's logical thread, if it has one.</summary>
    public static AsyncScope Resume(object? token)
    {
        if (RaceSession.Active is not { } session)
        {
            return default;
        }

        LogicalThread? outer = t_running;
        if (token is not LogicalThread thread || thread.Detector != session.Detector || LogicalThread.Current == thread)
        {
            t_running = null;
            return new AsyncScope(default, null, outer);
        }

        // The previous resumption unbinds itself before it schedules this one (see Suspend), so this succeeds.
        t_running = thread;
        return new AsyncScope(thread.Enter(), thread, outer);
    }

    /// <summary>A <c>MoveNext</c> run ended (after its thread left the real thread): the enclosing one runs innermost again.</summary>
    internal static void Ended(LogicalThread? outer) => t_running = outer;

    /// <summary>Before <c>AwaitUnsafeOnCompleted</c>: forks the state machine's thread on its first suspension, and unbinds it.</summary>
    public static void Suspend(ref object? token, ref AsyncScope scope, int site)
    {
        if (token is null && TaskHooks.Fork($"async {SiteTable.Get(site).Where.Member}") is { } fork)
        {
            token = fork.Thread;
        }

        // The continuation may start on another real thread before this MoveNext returns.
        scope.Dispose();
    }

    /// <summary>
    /// Before an async iterator hands over an item (or its end) through its promise: what it did so far is released (the
    /// consumer's await of <c>MoveNextAsync</c>, or the call itself when it completed synchronously, acquires it), and its thread is unbound, because the consumer may run on
    /// inside the hand-over, on this real thread, and ask for the next item, which resumes this iterator there.
    /// </summary>
    public static void Yield(object iterator, ref AsyncScope scope)
    {
        // Into the iterator too: a MoveNextAsync that completed synchronously returns a ValueTask with no source, and
        // its caller acquires the iterator when the call returns.
        SyncHooks.Release(iterator);
        SyncHooks.ReleaseAny();
        scope.Dispose();
    }

    /// <summary>Replaces <c>TaskAwaiter.GetResult()</c>.</summary>
    public static void GetResult(ref TaskAwaiter awaiter)
    {
        try
        {
            awaiter.GetResult();
        }
        finally
        {
            // A faulted or cancelled task completed too: its end happens before the await that throws.
            TaskHooks.AcquireTask(AwaiterFields.Task(ref awaiter));
        }
    }

    /// <summary>Replaces <c>TaskAwaiter&lt;T&gt;.GetResult()</c>.</summary>
    public static T GetResult<T>(ref TaskAwaiter<T> awaiter)
    {
        try
        {
            return awaiter.GetResult();
        }
        finally
        {
            TaskHooks.AcquireTask(AwaiterFields<T>.Task(ref awaiter));
        }
    }

    /// <summary>Replaces <c>ConfiguredTaskAwaitable.ConfiguredTaskAwaiter.GetResult()</c>.</summary>
    public static void GetResult(ref ConfiguredTaskAwaitable.ConfiguredTaskAwaiter awaiter)
    {
        try
        {
            awaiter.GetResult();
        }
        finally
        {
            // A faulted or cancelled task completed too: its end happens before the await that throws.
            TaskHooks.AcquireTask(AwaiterFields.Task(ref awaiter));
        }
    }

    /// <summary>Replaces <c>ConfiguredTaskAwaitable&lt;T&gt;.ConfiguredTaskAwaiter.GetResult()</c>.</summary>
    public static T GetResult<T>(ref ConfiguredTaskAwaitable<T>.ConfiguredTaskAwaiter awaiter)
    {
        try
        {
            return awaiter.GetResult();
        }
        finally
        {
            TaskHooks.AcquireTask(AwaiterFields<T>.Task(ref awaiter));
        }
    }

    /// <summary>Replaces <c>ValueTaskAwaiter.GetResult()</c>.</summary>
    public static void GetResult(ref ValueTaskAwaiter awaiter)
    {
        try
        {
            awaiter.GetResult();
        }
        finally
        {
            // A faulted or cancelled task completed too: its end happens before the await that throws.
            AcquireSource(AwaiterFields.Source(ref AwaiterFields.Value(ref awaiter)));
        }
    }

    /// <summary>Replaces <c>ValueTaskAwaiter&lt;T&gt;.GetResult()</c>.</summary>
    public static T GetResult<T>(ref ValueTaskAwaiter<T> awaiter)
    {
        try
        {
            return awaiter.GetResult();
        }
        finally
        {
            AcquireSource(AwaiterFields<T>.Source(ref AwaiterFields<T>.Value(ref awaiter)));
        }
    }

    /// <summary>Replaces <c>ConfiguredValueTaskAwaitable.ConfiguredValueTaskAwaiter.GetResult()</c>.</summary>
    public static void GetResult(ref ConfiguredValueTaskAwaitable.ConfiguredValueTaskAwaiter awaiter)
    {
        try
        {
            awaiter.GetResult();
        }
        finally
        {
            // A faulted or cancelled task completed too: its end happens before the await that throws.
            AcquireSource(AwaiterFields.Source(ref AwaiterFields.Value(ref awaiter)));
        }
    }

    /// <summary>Replaces <c>ConfiguredValueTaskAwaitable&lt;T&gt;.ConfiguredValueTaskAwaiter.GetResult()</c>.</summary>
    public static T GetResult<T>(ref ConfiguredValueTaskAwaitable<T>.ConfiguredValueTaskAwaiter awaiter)
    {
        try
        {
            return awaiter.GetResult();
        }
        finally
        {
            AcquireSource(AwaiterFields<T>.Source(ref AwaiterFields<T>.Value(ref awaiter)));
        }
    }

    /// <summary>Replaces <c>AsyncTaskMethodBuilder.SetResult()</c>.</summary>
    public static void SetResult(ref AsyncTaskMethodBuilder builder)
    {
        Complete(builder.Task);
        builder.SetResult();
    }

    /// <summary>Replaces <c>AsyncTaskMethodBuilder.SetException(Exception)</c>.</summary>
    public static void SetException(ref AsyncTaskMethodBuilder builder, Exception exception)
    {
        Complete(builder.Task);
        builder.SetException(exception);
    }

    /// <summary>Replaces <c>AsyncTaskMethodBuilder&lt;T&gt;.SetResult(T)</c>.</summary>
    public static void SetResult<T>(ref AsyncTaskMethodBuilder<T> builder, T result)
    {
        Complete(builder.Task);
        builder.SetResult(result);
    }

    /// <summary>Replaces <c>AsyncTaskMethodBuilder&lt;T&gt;.SetException(Exception)</c>.</summary>
    public static void SetException<T>(ref AsyncTaskMethodBuilder<T> builder, Exception exception)
    {
        Complete(builder.Task);
        builder.SetException(exception);
    }

    /// <summary>Replaces <c>AsyncValueTaskMethodBuilder.SetResult()</c>.</summary>
    public static void SetResult(ref AsyncValueTaskMethodBuilder builder)
    {
        Complete(PendingTask(builder));
        builder.SetResult();
    }

    /// <summary>Replaces <c>AsyncValueTaskMethodBuilder.SetException(Exception)</c>.</summary>
    public static void SetException(ref AsyncValueTaskMethodBuilder builder, Exception exception)
    {
        Complete(PendingTask(builder));
        builder.SetException(exception);
    }

    /// <summary>Replaces <c>AsyncValueTaskMethodBuilder&lt;T&gt;.SetResult(T)</c>.</summary>
    public static void SetResult<T>(ref AsyncValueTaskMethodBuilder<T> builder, T result)
    {
        Complete(PendingTask(builder));
        builder.SetResult(result);
    }

    /// <summary>Replaces <c>AsyncValueTaskMethodBuilder&lt;T&gt;.SetException(Exception)</c>.</summary>
    public static void SetException<T>(ref AsyncValueTaskMethodBuilder<T> builder, Exception exception)
    {
        Complete(PendingTask(builder));
        builder.SetException(exception);
    }

    /// <summary>
    /// The task behind a <c>ValueTask</c> builder once its method suspended (null while it has run synchronously: the
    /// value is then handed back on the caller's thread, with nothing to order). Read without the builder's <c>Task</c>
    /// property, which would make a task where the method completes synchronously.
    /// </summary>
    private static Task? PendingTask<TBuilder>(TBuilder builder)
        where TBuilder : struct =>
        (Task?)s_builderTasks.GetOrAdd(typeof(TBuilder), static t => t.GetField("m_task", BindingFlags.Instance | BindingFlags.NonPublic))?.GetValue(builder);

    /// <summary>
    /// Before the builder completes <paramref name="task"/>: releases it, and when the state machine runs as its own
    /// thread, that release is the thread's last event, so its id is retired right there (before the builder runs the
    /// continuations, which may fork the next async method: a sequence of awaited methods reuses one id whatever the
    /// scheduling; see <see cref="VectorClockDetector.Retire"/>). Nothing of the method runs after it as that thread.
    /// </summary>
    private static void Complete(Task? task)
    {
        LogicalThread? finishing = t_running is { } thread && ReferenceEquals(LogicalThread.Current, thread) ? thread : null;
        int last = finishing?.Now ?? 0;
        TaskHooks.ReleaseTask(task);
        if (finishing is not null && RaceSession.Active is { } session && finishing.Detector == session.Detector)
        {
            session.Detector.Retire(finishing, last);
        }
    }

    private static void AcquireSource(object? source)
    {
        if (source is Task task)
        {
            TaskHooks.AcquireTask(task);
        }
        else if (source is not null)
        {
            // A pooled IValueTaskSource (an async iterator step, ManualResetValueTaskSourceCore): no better key.
            SyncHooks.AcquireAny();
        }

        // No source: the value was there when the callee returned, on this thread; there is nothing to wait for.
    }
}
