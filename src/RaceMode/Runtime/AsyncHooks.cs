using System.ComponentModel;
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
    /// <summary>At the top of a rewritten <c>MoveNext</c>: binds the state machine's logical thread, if it has one.</summary>
    public static AsyncScope Resume(object? token)
    {
        if (token is not LogicalThread thread || RaceSession.Active is not { } session || thread.Detector != session.Detector ||
            LogicalThread.Current == thread)
        {
            return default;
        }

        // The previous resumption unbinds itself before it schedules this one (see Suspend), so this succeeds.
        return new AsyncScope(thread.Enter());
    }

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

    /// <summary>Replaces <c>TaskAwaiter.GetResult()</c>.</summary>
    public static void GetResult(ref TaskAwaiter awaiter)
    {
        awaiter.GetResult();
        TaskHooks.AcquireTask(AwaiterFields.Task(ref awaiter));
    }

    /// <summary>Replaces <c>TaskAwaiter&lt;T&gt;.GetResult()</c>.</summary>
    public static T GetResult<T>(ref TaskAwaiter<T> awaiter)
    {
        T result = awaiter.GetResult();
        TaskHooks.AcquireTask(AwaiterFields<T>.Task(ref awaiter));
        return result;
    }

    /// <summary>Replaces <c>ConfiguredTaskAwaitable.ConfiguredTaskAwaiter.GetResult()</c>.</summary>
    public static void GetResult(ref ConfiguredTaskAwaitable.ConfiguredTaskAwaiter awaiter)
    {
        awaiter.GetResult();
        TaskHooks.AcquireTask(AwaiterFields.Task(ref awaiter));
    }

    /// <summary>Replaces <c>ConfiguredTaskAwaitable&lt;T&gt;.ConfiguredTaskAwaiter.GetResult()</c>.</summary>
    public static T GetResult<T>(ref ConfiguredTaskAwaitable<T>.ConfiguredTaskAwaiter awaiter)
    {
        T result = awaiter.GetResult();
        TaskHooks.AcquireTask(AwaiterFields<T>.Task(ref awaiter));
        return result;
    }

    /// <summary>Replaces <c>ValueTaskAwaiter.GetResult()</c>.</summary>
    public static void GetResult(ref ValueTaskAwaiter awaiter)
    {
        awaiter.GetResult();
        AcquireSource(AwaiterFields.Source(ref AwaiterFields.Value(ref awaiter)));
    }

    /// <summary>Replaces <c>ValueTaskAwaiter&lt;T&gt;.GetResult()</c>.</summary>
    public static T GetResult<T>(ref ValueTaskAwaiter<T> awaiter)
    {
        T result = awaiter.GetResult();
        AcquireSource(AwaiterFields<T>.Source(ref AwaiterFields<T>.Value(ref awaiter)));
        return result;
    }

    /// <summary>Replaces <c>ConfiguredValueTaskAwaitable.ConfiguredValueTaskAwaiter.GetResult()</c>.</summary>
    public static void GetResult(ref ConfiguredValueTaskAwaitable.ConfiguredValueTaskAwaiter awaiter)
    {
        awaiter.GetResult();
        AcquireSource(AwaiterFields.Source(ref AwaiterFields.Value(ref awaiter)));
    }

    /// <summary>Replaces <c>ConfiguredValueTaskAwaitable&lt;T&gt;.ConfiguredValueTaskAwaiter.GetResult()</c>.</summary>
    public static T GetResult<T>(ref ConfiguredValueTaskAwaitable<T>.ConfiguredValueTaskAwaiter awaiter)
    {
        T result = awaiter.GetResult();
        AcquireSource(AwaiterFields<T>.Source(ref AwaiterFields<T>.Value(ref awaiter)));
        return result;
    }

    /// <summary>Replaces <c>AsyncTaskMethodBuilder.SetResult()</c>.</summary>
    public static void SetResult(ref AsyncTaskMethodBuilder builder)
    {
        TaskHooks.ReleaseTask(builder.Task);
        builder.SetResult();
    }

    /// <summary>Replaces <c>AsyncTaskMethodBuilder.SetException(Exception)</c>.</summary>
    public static void SetException(ref AsyncTaskMethodBuilder builder, Exception exception)
    {
        TaskHooks.ReleaseTask(builder.Task);
        builder.SetException(exception);
    }

    /// <summary>Replaces <c>AsyncTaskMethodBuilder&lt;T&gt;.SetResult(T)</c>.</summary>
    public static void SetResult<T>(ref AsyncTaskMethodBuilder<T> builder, T result)
    {
        TaskHooks.ReleaseTask(builder.Task);
        builder.SetResult(result);
    }

    /// <summary>Replaces <c>AsyncTaskMethodBuilder&lt;T&gt;.SetException(Exception)</c>.</summary>
    public static void SetException<T>(ref AsyncTaskMethodBuilder<T> builder, Exception exception)
    {
        TaskHooks.ReleaseTask(builder.Task);
        builder.SetException(exception);
    }

    private static void AcquireSource(object? source)
    {
        if (source is Task task)
        {
            TaskHooks.AcquireTask(task);
        }
        else
        {
            // A completed value, or a pooled IValueTaskSource (a channel read, an async iterator step).
            SyncHooks.AcquireAny();
        }
    }
}
