using System.ComponentModel;

namespace ActorConcurrency.RaceMode.Runtime;

/// <summary>
/// The hooks of <c>Task.ContinueWith</c>, every overload (see <see cref="CallbackFork"/>): the code that calls
/// <c>ContinueWith</c> happens before the continuation, the antecedent's end happens before it too, and the
/// continuation's end happens before a wait for the task <c>ContinueWith</c> returned.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ContinuationHooks
{
    /// <summary>Replaces <c>Task.ContinueWith(Action&lt;Task&gt;, …)</c>.</summary>
    public static Task ContinueWith(Task task, Action<Task> continuation) =>
        ContinueWith(task, continuation, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Current);

    /// <summary>Replaces <c>Task.ContinueWith(Action&lt;Task&gt;, …)</c>.</summary>
    public static Task ContinueWith(Task task, Action<Task> continuation, CancellationToken cancellationToken) =>
        ContinueWith(task, continuation, cancellationToken, TaskContinuationOptions.None, TaskScheduler.Current);

    /// <summary>Replaces <c>Task.ContinueWith(Action&lt;Task&gt;, …)</c>.</summary>
    public static Task ContinueWith(Task task, Action<Task> continuation, TaskContinuationOptions continuationOptions) =>
        ContinueWith(task, continuation, CancellationToken.None, continuationOptions, TaskScheduler.Current);

    /// <summary>Replaces <c>Task.ContinueWith(Action&lt;Task&gt;, …)</c>.</summary>
    public static Task ContinueWith(Task task, Action<Task> continuation, TaskScheduler scheduler) =>
        ContinueWith(task, continuation, CancellationToken.None, TaskContinuationOptions.None, scheduler);

    /// <summary>Replaces <c>Task.ContinueWith(Action&lt;Task&gt;, …)</c> with every option: the continuation runs as a forked logical thread after the antecedent.</summary>
    public static Task ContinueWith(Task task, Action<Task> continuation, CancellationToken cancellationToken, TaskContinuationOptions continuationOptions, TaskScheduler scheduler)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(continuation);
        if (CallbackFork.Submit("continuation", oneShot: true) is not { } fork)
        {
            return task.ContinueWith(continuation, cancellationToken, continuationOptions, scheduler);
        }

        return fork.Link(task.ContinueWith(t => fork.Run(() => continuation(t), t), cancellationToken, continuationOptions, scheduler));
    }

    /// <summary>Replaces <c>Task.ContinueWith(Action&lt;Task, object&gt;, object, …)</c>.</summary>
    public static Task ContinueWith(Task task, Action<Task, object?> continuation, object? state) =>
        ContinueWith(task, continuation, state, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Current);

    /// <summary>Replaces <c>Task.ContinueWith(Action&lt;Task, object&gt;, object, …)</c>.</summary>
    public static Task ContinueWith(Task task, Action<Task, object?> continuation, object? state, CancellationToken cancellationToken) =>
        ContinueWith(task, continuation, state, cancellationToken, TaskContinuationOptions.None, TaskScheduler.Current);

    /// <summary>Replaces <c>Task.ContinueWith(Action&lt;Task, object&gt;, object, …)</c>.</summary>
    public static Task ContinueWith(Task task, Action<Task, object?> continuation, object? state, TaskContinuationOptions continuationOptions) =>
        ContinueWith(task, continuation, state, CancellationToken.None, continuationOptions, TaskScheduler.Current);

    /// <summary>Replaces <c>Task.ContinueWith(Action&lt;Task, object&gt;, object, …)</c>.</summary>
    public static Task ContinueWith(Task task, Action<Task, object?> continuation, object? state, TaskScheduler scheduler) =>
        ContinueWith(task, continuation, state, CancellationToken.None, TaskContinuationOptions.None, scheduler);

    /// <summary>Replaces <c>Task.ContinueWith(Action&lt;Task, object&gt;, object, …)</c> with every option: the continuation runs as a forked logical thread after the antecedent.</summary>
    public static Task ContinueWith(Task task, Action<Task, object?> continuation, object? state, CancellationToken cancellationToken, TaskContinuationOptions continuationOptions, TaskScheduler scheduler)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(continuation);
        if (CallbackFork.Submit("continuation", oneShot: true) is not { } fork)
        {
            return task.ContinueWith(continuation, state, cancellationToken, continuationOptions, scheduler);
        }

        return fork.Link(task.ContinueWith((t, s) => fork.Run(() => continuation(t, s), t), state, cancellationToken, continuationOptions, scheduler));
    }

    /// <summary>Replaces <c>Task.ContinueWith&lt;TResult&gt;(Func&lt;Task, TResult&gt;, …)</c>.</summary>
    public static Task<TResult> ContinueWith<TResult>(Task task, Func<Task, TResult> continuation) =>
        ContinueWith(task, continuation, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Current);

    /// <summary>Replaces <c>Task.ContinueWith&lt;TResult&gt;(Func&lt;Task, TResult&gt;, …)</c>.</summary>
    public static Task<TResult> ContinueWith<TResult>(Task task, Func<Task, TResult> continuation, CancellationToken cancellationToken) =>
        ContinueWith(task, continuation, cancellationToken, TaskContinuationOptions.None, TaskScheduler.Current);

    /// <summary>Replaces <c>Task.ContinueWith&lt;TResult&gt;(Func&lt;Task, TResult&gt;, …)</c>.</summary>
    public static Task<TResult> ContinueWith<TResult>(Task task, Func<Task, TResult> continuation, TaskContinuationOptions continuationOptions) =>
        ContinueWith(task, continuation, CancellationToken.None, continuationOptions, TaskScheduler.Current);

    /// <summary>Replaces <c>Task.ContinueWith&lt;TResult&gt;(Func&lt;Task, TResult&gt;, …)</c>.</summary>
    public static Task<TResult> ContinueWith<TResult>(Task task, Func<Task, TResult> continuation, TaskScheduler scheduler) =>
        ContinueWith(task, continuation, CancellationToken.None, TaskContinuationOptions.None, scheduler);

    /// <summary>Replaces <c>Task.ContinueWith&lt;TResult&gt;(Func&lt;Task, TResult&gt;, …)</c> with every option: the continuation runs as a forked logical thread after the antecedent.</summary>
    public static Task<TResult> ContinueWith<TResult>(Task task, Func<Task, TResult> continuation, CancellationToken cancellationToken, TaskContinuationOptions continuationOptions, TaskScheduler scheduler)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(continuation);
        if (CallbackFork.Submit("continuation", oneShot: true) is not { } fork)
        {
            return task.ContinueWith(continuation, cancellationToken, continuationOptions, scheduler);
        }

        return fork.Link(task.ContinueWith(t => fork.Run(() => continuation(t), t), cancellationToken, continuationOptions, scheduler));
    }

    /// <summary>Replaces <c>Task.ContinueWith&lt;TResult&gt;(Func&lt;Task, object, TResult&gt;, object, …)</c>.</summary>
    public static Task<TResult> ContinueWith<TResult>(Task task, Func<Task, object?, TResult> continuation, object? state) =>
        ContinueWith(task, continuation, state, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Current);

    /// <summary>Replaces <c>Task.ContinueWith&lt;TResult&gt;(Func&lt;Task, object, TResult&gt;, object, …)</c>.</summary>
    public static Task<TResult> ContinueWith<TResult>(Task task, Func<Task, object?, TResult> continuation, object? state, CancellationToken cancellationToken) =>
        ContinueWith(task, continuation, state, cancellationToken, TaskContinuationOptions.None, TaskScheduler.Current);

    /// <summary>Replaces <c>Task.ContinueWith&lt;TResult&gt;(Func&lt;Task, object, TResult&gt;, object, …)</c>.</summary>
    public static Task<TResult> ContinueWith<TResult>(Task task, Func<Task, object?, TResult> continuation, object? state, TaskContinuationOptions continuationOptions) =>
        ContinueWith(task, continuation, state, CancellationToken.None, continuationOptions, TaskScheduler.Current);

    /// <summary>Replaces <c>Task.ContinueWith&lt;TResult&gt;(Func&lt;Task, object, TResult&gt;, object, …)</c>.</summary>
    public static Task<TResult> ContinueWith<TResult>(Task task, Func<Task, object?, TResult> continuation, object? state, TaskScheduler scheduler) =>
        ContinueWith(task, continuation, state, CancellationToken.None, TaskContinuationOptions.None, scheduler);

    /// <summary>Replaces <c>Task.ContinueWith&lt;TResult&gt;(Func&lt;Task, object, TResult&gt;, object, …)</c> with every option: the continuation runs as a forked logical thread after the antecedent.</summary>
    public static Task<TResult> ContinueWith<TResult>(Task task, Func<Task, object?, TResult> continuation, object? state, CancellationToken cancellationToken, TaskContinuationOptions continuationOptions, TaskScheduler scheduler)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(continuation);
        if (CallbackFork.Submit("continuation", oneShot: true) is not { } fork)
        {
            return task.ContinueWith(continuation, state, cancellationToken, continuationOptions, scheduler);
        }

        return fork.Link(task.ContinueWith((t, s) => fork.Run(() => continuation(t, s), t), state, cancellationToken, continuationOptions, scheduler));
    }
}
