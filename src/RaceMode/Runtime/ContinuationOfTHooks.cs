using System.ComponentModel;

namespace ActorConcurrency.RaceMode.Runtime;

/// <summary>
/// The hooks of <c>Task&lt;TResult&gt;.ContinueWith</c>, every overload, as <see cref="ContinuationHooks"/>.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ContinuationOfTHooks
{
    /// <summary>Replaces <c>Task&lt;TResult&gt;.ContinueWith(Action&lt;Task&lt;TResult&gt;&gt;, …)</c>.</summary>
    public static Task ContinueWith<TResult>(Task<TResult> task, Action<Task<TResult>> continuation) =>
        ContinueWith(task, continuation, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Current);

    /// <summary>Replaces <c>Task&lt;TResult&gt;.ContinueWith(Action&lt;Task&lt;TResult&gt;&gt;, …)</c>.</summary>
    public static Task ContinueWith<TResult>(Task<TResult> task, Action<Task<TResult>> continuation, CancellationToken cancellationToken) =>
        ContinueWith(task, continuation, cancellationToken, TaskContinuationOptions.None, TaskScheduler.Current);

    /// <summary>Replaces <c>Task&lt;TResult&gt;.ContinueWith(Action&lt;Task&lt;TResult&gt;&gt;, …)</c>.</summary>
    public static Task ContinueWith<TResult>(Task<TResult> task, Action<Task<TResult>> continuation, TaskContinuationOptions continuationOptions) =>
        ContinueWith(task, continuation, CancellationToken.None, continuationOptions, TaskScheduler.Current);

    /// <summary>Replaces <c>Task&lt;TResult&gt;.ContinueWith(Action&lt;Task&lt;TResult&gt;&gt;, …)</c>.</summary>
    public static Task ContinueWith<TResult>(Task<TResult> task, Action<Task<TResult>> continuation, TaskScheduler scheduler) =>
        ContinueWith(task, continuation, CancellationToken.None, TaskContinuationOptions.None, scheduler);

    /// <summary>Replaces <c>Task&lt;TResult&gt;.ContinueWith(Action&lt;Task&lt;TResult&gt;&gt;, …)</c> with every option: the continuation runs as a forked logical thread after the antecedent.</summary>
    public static Task ContinueWith<TResult>(Task<TResult> task, Action<Task<TResult>> continuation, CancellationToken cancellationToken, TaskContinuationOptions continuationOptions, TaskScheduler scheduler)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(continuation);
        if (CallbackFork.Submit("continuation", oneShot: true) is not { } fork)
        {
            return task.ContinueWith(continuation, cancellationToken, continuationOptions, scheduler);
        }

        return fork.Link(task.ContinueWith(t => fork.Run(() => continuation(t), t), cancellationToken, continuationOptions, scheduler));
    }

    /// <summary>Replaces <c>Task&lt;TResult&gt;.ContinueWith(Action&lt;Task&lt;TResult&gt;, object&gt;, object, …)</c>.</summary>
    public static Task ContinueWith<TResult>(Task<TResult> task, Action<Task<TResult>, object?> continuation, object? state) =>
        ContinueWith(task, continuation, state, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Current);

    /// <summary>Replaces <c>Task&lt;TResult&gt;.ContinueWith(Action&lt;Task&lt;TResult&gt;, object&gt;, object, …)</c>.</summary>
    public static Task ContinueWith<TResult>(Task<TResult> task, Action<Task<TResult>, object?> continuation, object? state, CancellationToken cancellationToken) =>
        ContinueWith(task, continuation, state, cancellationToken, TaskContinuationOptions.None, TaskScheduler.Current);

    /// <summary>Replaces <c>Task&lt;TResult&gt;.ContinueWith(Action&lt;Task&lt;TResult&gt;, object&gt;, object, …)</c>.</summary>
    public static Task ContinueWith<TResult>(Task<TResult> task, Action<Task<TResult>, object?> continuation, object? state, TaskContinuationOptions continuationOptions) =>
        ContinueWith(task, continuation, state, CancellationToken.None, continuationOptions, TaskScheduler.Current);

    /// <summary>Replaces <c>Task&lt;TResult&gt;.ContinueWith(Action&lt;Task&lt;TResult&gt;, object&gt;, object, …)</c>.</summary>
    public static Task ContinueWith<TResult>(Task<TResult> task, Action<Task<TResult>, object?> continuation, object? state, TaskScheduler scheduler) =>
        ContinueWith(task, continuation, state, CancellationToken.None, TaskContinuationOptions.None, scheduler);

    /// <summary>Replaces <c>Task&lt;TResult&gt;.ContinueWith(Action&lt;Task&lt;TResult&gt;, object&gt;, object, …)</c> with every option: the continuation runs as a forked logical thread after the antecedent.</summary>
    public static Task ContinueWith<TResult>(Task<TResult> task, Action<Task<TResult>, object?> continuation, object? state, CancellationToken cancellationToken, TaskContinuationOptions continuationOptions, TaskScheduler scheduler)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(continuation);
        if (CallbackFork.Submit("continuation", oneShot: true) is not { } fork)
        {
            return task.ContinueWith(continuation, state, cancellationToken, continuationOptions, scheduler);
        }

        return fork.Link(task.ContinueWith((t, s) => fork.Run(() => continuation(t, s), t), state, cancellationToken, continuationOptions, scheduler));
    }

    /// <summary>Replaces <c>Task&lt;TResult&gt;.ContinueWith&lt;TNewResult&gt;(Func&lt;Task&lt;TResult&gt;, TNewResult&gt;, …)</c>.</summary>
    public static Task<TNewResult> ContinueWith<TResult, TNewResult>(Task<TResult> task, Func<Task<TResult>, TNewResult> continuation) =>
        ContinueWith(task, continuation, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Current);

    /// <summary>Replaces <c>Task&lt;TResult&gt;.ContinueWith&lt;TNewResult&gt;(Func&lt;Task&lt;TResult&gt;, TNewResult&gt;, …)</c>.</summary>
    public static Task<TNewResult> ContinueWith<TResult, TNewResult>(Task<TResult> task, Func<Task<TResult>, TNewResult> continuation, CancellationToken cancellationToken) =>
        ContinueWith(task, continuation, cancellationToken, TaskContinuationOptions.None, TaskScheduler.Current);

    /// <summary>Replaces <c>Task&lt;TResult&gt;.ContinueWith&lt;TNewResult&gt;(Func&lt;Task&lt;TResult&gt;, TNewResult&gt;, …)</c>.</summary>
    public static Task<TNewResult> ContinueWith<TResult, TNewResult>(Task<TResult> task, Func<Task<TResult>, TNewResult> continuation, TaskContinuationOptions continuationOptions) =>
        ContinueWith(task, continuation, CancellationToken.None, continuationOptions, TaskScheduler.Current);

    /// <summary>Replaces <c>Task&lt;TResult&gt;.ContinueWith&lt;TNewResult&gt;(Func&lt;Task&lt;TResult&gt;, TNewResult&gt;, …)</c>.</summary>
    public static Task<TNewResult> ContinueWith<TResult, TNewResult>(Task<TResult> task, Func<Task<TResult>, TNewResult> continuation, TaskScheduler scheduler) =>
        ContinueWith(task, continuation, CancellationToken.None, TaskContinuationOptions.None, scheduler);

    /// <summary>Replaces <c>Task&lt;TResult&gt;.ContinueWith&lt;TNewResult&gt;(Func&lt;Task&lt;TResult&gt;, TNewResult&gt;, …)</c> with every option: the continuation runs as a forked logical thread after the antecedent.</summary>
    public static Task<TNewResult> ContinueWith<TResult, TNewResult>(Task<TResult> task, Func<Task<TResult>, TNewResult> continuation, CancellationToken cancellationToken, TaskContinuationOptions continuationOptions, TaskScheduler scheduler)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(continuation);
        if (CallbackFork.Submit("continuation", oneShot: true) is not { } fork)
        {
            return task.ContinueWith(continuation, cancellationToken, continuationOptions, scheduler);
        }

        return fork.Link(task.ContinueWith(t => fork.Run(() => continuation(t), t), cancellationToken, continuationOptions, scheduler));
    }

    /// <summary>Replaces <c>Task&lt;TResult&gt;.ContinueWith&lt;TNewResult&gt;(Func&lt;Task&lt;TResult&gt;, object, TNewResult&gt;, object, …)</c>.</summary>
    public static Task<TNewResult> ContinueWith<TResult, TNewResult>(Task<TResult> task, Func<Task<TResult>, object?, TNewResult> continuation, object? state) =>
        ContinueWith(task, continuation, state, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Current);

    /// <summary>Replaces <c>Task&lt;TResult&gt;.ContinueWith&lt;TNewResult&gt;(Func&lt;Task&lt;TResult&gt;, object, TNewResult&gt;, object, …)</c>.</summary>
    public static Task<TNewResult> ContinueWith<TResult, TNewResult>(Task<TResult> task, Func<Task<TResult>, object?, TNewResult> continuation, object? state, CancellationToken cancellationToken) =>
        ContinueWith(task, continuation, state, cancellationToken, TaskContinuationOptions.None, TaskScheduler.Current);

    /// <summary>Replaces <c>Task&lt;TResult&gt;.ContinueWith&lt;TNewResult&gt;(Func&lt;Task&lt;TResult&gt;, object, TNewResult&gt;, object, …)</c>.</summary>
    public static Task<TNewResult> ContinueWith<TResult, TNewResult>(Task<TResult> task, Func<Task<TResult>, object?, TNewResult> continuation, object? state, TaskContinuationOptions continuationOptions) =>
        ContinueWith(task, continuation, state, CancellationToken.None, continuationOptions, TaskScheduler.Current);

    /// <summary>Replaces <c>Task&lt;TResult&gt;.ContinueWith&lt;TNewResult&gt;(Func&lt;Task&lt;TResult&gt;, object, TNewResult&gt;, object, …)</c>.</summary>
    public static Task<TNewResult> ContinueWith<TResult, TNewResult>(Task<TResult> task, Func<Task<TResult>, object?, TNewResult> continuation, object? state, TaskScheduler scheduler) =>
        ContinueWith(task, continuation, state, CancellationToken.None, TaskContinuationOptions.None, scheduler);

    /// <summary>Replaces <c>Task&lt;TResult&gt;.ContinueWith&lt;TNewResult&gt;(Func&lt;Task&lt;TResult&gt;, object, TNewResult&gt;, object, …)</c> with every option: the continuation runs as a forked logical thread after the antecedent.</summary>
    public static Task<TNewResult> ContinueWith<TResult, TNewResult>(Task<TResult> task, Func<Task<TResult>, object?, TNewResult> continuation, object? state, CancellationToken cancellationToken, TaskContinuationOptions continuationOptions, TaskScheduler scheduler)
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
