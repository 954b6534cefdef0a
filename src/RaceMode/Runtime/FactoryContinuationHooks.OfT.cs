namespace ActorConcurrency.RaceMode.Runtime;

/// <summary>
/// <c>TaskFactory.ContinueWhenAll</c> and <c>ContinueWhenAny</c> over tasks with a result (<c>Task&lt;TAntecedentResult&gt;[]</c>),
/// modelled as over plain tasks: the caller's past and the antecedents' ends (all of them, or the one that completed)
/// happen before the continuation; its end happens before a wait for the task returned.
/// </summary>
public static partial class FactoryContinuationHooks
{
    /// <summary>Replaces <c>TaskFactory.ContinueWhenAll&lt;TAntecedentResult&gt;(Task&lt;TAntecedentResult&gt;[], Action&lt;Task&lt;TAntecedentResult&gt;[]&gt;)</c>.</summary>
    public static Task ContinueWhenAll<TAntecedentResult>(TaskFactory factory, Task<TAntecedentResult>[] tasks, Action<Task<TAntecedentResult>[]> continuationAction) =>
        Submit(continuationAction) is { } f
            ? f.Link(factory.ContinueWhenAll(tasks, ts => f.Run(() => continuationAction(ts), ts)))
            : factory.ContinueWhenAll(tasks, continuationAction);

    /// <summary>Replaces <c>TaskFactory.ContinueWhenAll&lt;TAntecedentResult&gt;(Task&lt;TAntecedentResult&gt;[], Action&lt;Task&lt;TAntecedentResult&gt;[]&gt;, CancellationToken)</c>.</summary>
    public static Task ContinueWhenAll<TAntecedentResult>(TaskFactory factory, Task<TAntecedentResult>[] tasks, Action<Task<TAntecedentResult>[]> continuationAction, CancellationToken cancellationToken) =>
        Submit(continuationAction) is { } f
            ? f.Link(factory.ContinueWhenAll(tasks, ts => f.Run(() => continuationAction(ts), ts), cancellationToken))
            : factory.ContinueWhenAll(tasks, continuationAction, cancellationToken);

    /// <summary>Replaces <c>TaskFactory.ContinueWhenAll&lt;TAntecedentResult&gt;(Task&lt;TAntecedentResult&gt;[], Action&lt;Task&lt;TAntecedentResult&gt;[]&gt;, TaskContinuationOptions)</c>.</summary>
    public static Task ContinueWhenAll<TAntecedentResult>(TaskFactory factory, Task<TAntecedentResult>[] tasks, Action<Task<TAntecedentResult>[]> continuationAction, TaskContinuationOptions continuationOptions) =>
        Submit(continuationAction) is { } f
            ? f.Link(factory.ContinueWhenAll(tasks, ts => f.Run(() => continuationAction(ts), ts), continuationOptions))
            : factory.ContinueWhenAll(tasks, continuationAction, continuationOptions);

    /// <summary>Replaces <c>TaskFactory.ContinueWhenAll&lt;TAntecedentResult&gt;(Task&lt;TAntecedentResult&gt;[], Action&lt;Task&lt;TAntecedentResult&gt;[]&gt;, CancellationToken, TaskContinuationOptions, TaskScheduler)</c>.</summary>
    public static Task ContinueWhenAll<TAntecedentResult>(TaskFactory factory, Task<TAntecedentResult>[] tasks, Action<Task<TAntecedentResult>[]> continuationAction, CancellationToken cancellationToken, TaskContinuationOptions continuationOptions, TaskScheduler scheduler) =>
        Submit(continuationAction) is { } f
            ? f.Link(factory.ContinueWhenAll(tasks, ts => f.Run(() => continuationAction(ts), ts), cancellationToken, continuationOptions, scheduler))
            : factory.ContinueWhenAll(tasks, continuationAction, cancellationToken, continuationOptions, scheduler);

    /// <summary>Replaces <c>TaskFactory.ContinueWhenAll&lt;TAntecedentResult, TResult&gt;(Task&lt;TAntecedentResult&gt;[], Func&lt;Task&lt;TAntecedentResult&gt;[], TResult&gt;)</c>.</summary>
    public static Task<TResult> ContinueWhenAll<TAntecedentResult, TResult>(TaskFactory factory, Task<TAntecedentResult>[] tasks, Func<Task<TAntecedentResult>[], TResult> continuationFunction) =>
        Submit(continuationFunction) is { } f
            ? f.Link(factory.ContinueWhenAll(tasks, ts => f.Run(() => continuationFunction(ts), ts)))
            : factory.ContinueWhenAll(tasks, continuationFunction);

    /// <summary>Replaces <c>TaskFactory.ContinueWhenAll&lt;TAntecedentResult, TResult&gt;(Task&lt;TAntecedentResult&gt;[], Func&lt;Task&lt;TAntecedentResult&gt;[], TResult&gt;, CancellationToken)</c>.</summary>
    public static Task<TResult> ContinueWhenAll<TAntecedentResult, TResult>(TaskFactory factory, Task<TAntecedentResult>[] tasks, Func<Task<TAntecedentResult>[], TResult> continuationFunction, CancellationToken cancellationToken) =>
        Submit(continuationFunction) is { } f
            ? f.Link(factory.ContinueWhenAll(tasks, ts => f.Run(() => continuationFunction(ts), ts), cancellationToken))
            : factory.ContinueWhenAll(tasks, continuationFunction, cancellationToken);

    /// <summary>Replaces <c>TaskFactory.ContinueWhenAll&lt;TAntecedentResult, TResult&gt;(Task&lt;TAntecedentResult&gt;[], Func&lt;Task&lt;TAntecedentResult&gt;[], TResult&gt;, TaskContinuationOptions)</c>.</summary>
    public static Task<TResult> ContinueWhenAll<TAntecedentResult, TResult>(TaskFactory factory, Task<TAntecedentResult>[] tasks, Func<Task<TAntecedentResult>[], TResult> continuationFunction, TaskContinuationOptions continuationOptions) =>
        Submit(continuationFunction) is { } f
            ? f.Link(factory.ContinueWhenAll(tasks, ts => f.Run(() => continuationFunction(ts), ts), continuationOptions))
            : factory.ContinueWhenAll(tasks, continuationFunction, continuationOptions);

    /// <summary>Replaces <c>TaskFactory.ContinueWhenAll&lt;TAntecedentResult, TResult&gt;(Task&lt;TAntecedentResult&gt;[], Func&lt;Task&lt;TAntecedentResult&gt;[], TResult&gt;, CancellationToken, TaskContinuationOptions, TaskScheduler)</c>.</summary>
    public static Task<TResult> ContinueWhenAll<TAntecedentResult, TResult>(TaskFactory factory, Task<TAntecedentResult>[] tasks, Func<Task<TAntecedentResult>[], TResult> continuationFunction, CancellationToken cancellationToken, TaskContinuationOptions continuationOptions, TaskScheduler scheduler) =>
        Submit(continuationFunction) is { } f
            ? f.Link(factory.ContinueWhenAll(tasks, ts => f.Run(() => continuationFunction(ts), ts), cancellationToken, continuationOptions, scheduler))
            : factory.ContinueWhenAll(tasks, continuationFunction, cancellationToken, continuationOptions, scheduler);

    /// <summary>Replaces <c>TaskFactory.ContinueWhenAny&lt;TAntecedentResult&gt;(Task&lt;TAntecedentResult&gt;[], Action&lt;Task&lt;TAntecedentResult&gt;&gt;)</c>.</summary>
    public static Task ContinueWhenAny<TAntecedentResult>(TaskFactory factory, Task<TAntecedentResult>[] tasks, Action<Task<TAntecedentResult>> continuationAction) =>
        Submit(continuationAction) is { } f
            ? f.Link(factory.ContinueWhenAny(tasks, t => f.Run(() => continuationAction(t), t)))
            : factory.ContinueWhenAny(tasks, continuationAction);

    /// <summary>Replaces <c>TaskFactory.ContinueWhenAny&lt;TAntecedentResult&gt;(Task&lt;TAntecedentResult&gt;[], Action&lt;Task&lt;TAntecedentResult&gt;&gt;, CancellationToken)</c>.</summary>
    public static Task ContinueWhenAny<TAntecedentResult>(TaskFactory factory, Task<TAntecedentResult>[] tasks, Action<Task<TAntecedentResult>> continuationAction, CancellationToken cancellationToken) =>
        Submit(continuationAction) is { } f
            ? f.Link(factory.ContinueWhenAny(tasks, t => f.Run(() => continuationAction(t), t), cancellationToken))
            : factory.ContinueWhenAny(tasks, continuationAction, cancellationToken);

    /// <summary>Replaces <c>TaskFactory.ContinueWhenAny&lt;TAntecedentResult&gt;(Task&lt;TAntecedentResult&gt;[], Action&lt;Task&lt;TAntecedentResult&gt;&gt;, TaskContinuationOptions)</c>.</summary>
    public static Task ContinueWhenAny<TAntecedentResult>(TaskFactory factory, Task<TAntecedentResult>[] tasks, Action<Task<TAntecedentResult>> continuationAction, TaskContinuationOptions continuationOptions) =>
        Submit(continuationAction) is { } f
            ? f.Link(factory.ContinueWhenAny(tasks, t => f.Run(() => continuationAction(t), t), continuationOptions))
            : factory.ContinueWhenAny(tasks, continuationAction, continuationOptions);

    /// <summary>Replaces <c>TaskFactory.ContinueWhenAny&lt;TAntecedentResult&gt;(Task&lt;TAntecedentResult&gt;[], Action&lt;Task&lt;TAntecedentResult&gt;&gt;, CancellationToken, TaskContinuationOptions, TaskScheduler)</c>.</summary>
    public static Task ContinueWhenAny<TAntecedentResult>(TaskFactory factory, Task<TAntecedentResult>[] tasks, Action<Task<TAntecedentResult>> continuationAction, CancellationToken cancellationToken, TaskContinuationOptions continuationOptions, TaskScheduler scheduler) =>
        Submit(continuationAction) is { } f
            ? f.Link(factory.ContinueWhenAny(tasks, t => f.Run(() => continuationAction(t), t), cancellationToken, continuationOptions, scheduler))
            : factory.ContinueWhenAny(tasks, continuationAction, cancellationToken, continuationOptions, scheduler);

    /// <summary>Replaces <c>TaskFactory.ContinueWhenAny&lt;TAntecedentResult, TResult&gt;(Task&lt;TAntecedentResult&gt;[], Func&lt;Task&lt;TAntecedentResult&gt;, TResult&gt;)</c>.</summary>
    public static Task<TResult> ContinueWhenAny<TAntecedentResult, TResult>(TaskFactory factory, Task<TAntecedentResult>[] tasks, Func<Task<TAntecedentResult>, TResult> continuationFunction) =>
        Submit(continuationFunction) is { } f
            ? f.Link(factory.ContinueWhenAny(tasks, t => f.Run(() => continuationFunction(t), t)))
            : factory.ContinueWhenAny(tasks, continuationFunction);

    /// <summary>Replaces <c>TaskFactory.ContinueWhenAny&lt;TAntecedentResult, TResult&gt;(Task&lt;TAntecedentResult&gt;[], Func&lt;Task&lt;TAntecedentResult&gt;, TResult&gt;, CancellationToken)</c>.</summary>
    public static Task<TResult> ContinueWhenAny<TAntecedentResult, TResult>(TaskFactory factory, Task<TAntecedentResult>[] tasks, Func<Task<TAntecedentResult>, TResult> continuationFunction, CancellationToken cancellationToken) =>
        Submit(continuationFunction) is { } f
            ? f.Link(factory.ContinueWhenAny(tasks, t => f.Run(() => continuationFunction(t), t), cancellationToken))
            : factory.ContinueWhenAny(tasks, continuationFunction, cancellationToken);

    /// <summary>Replaces <c>TaskFactory.ContinueWhenAny&lt;TAntecedentResult, TResult&gt;(Task&lt;TAntecedentResult&gt;[], Func&lt;Task&lt;TAntecedentResult&gt;, TResult&gt;, TaskContinuationOptions)</c>.</summary>
    public static Task<TResult> ContinueWhenAny<TAntecedentResult, TResult>(TaskFactory factory, Task<TAntecedentResult>[] tasks, Func<Task<TAntecedentResult>, TResult> continuationFunction, TaskContinuationOptions continuationOptions) =>
        Submit(continuationFunction) is { } f
            ? f.Link(factory.ContinueWhenAny(tasks, t => f.Run(() => continuationFunction(t), t), continuationOptions))
            : factory.ContinueWhenAny(tasks, continuationFunction, continuationOptions);

    /// <summary>Replaces <c>TaskFactory.ContinueWhenAny&lt;TAntecedentResult, TResult&gt;(Task&lt;TAntecedentResult&gt;[], Func&lt;Task&lt;TAntecedentResult&gt;, TResult&gt;, CancellationToken, TaskContinuationOptions, TaskScheduler)</c>.</summary>
    public static Task<TResult> ContinueWhenAny<TAntecedentResult, TResult>(TaskFactory factory, Task<TAntecedentResult>[] tasks, Func<Task<TAntecedentResult>, TResult> continuationFunction, CancellationToken cancellationToken, TaskContinuationOptions continuationOptions, TaskScheduler scheduler) =>
        Submit(continuationFunction) is { } f
            ? f.Link(factory.ContinueWhenAny(tasks, t => f.Run(() => continuationFunction(t), t), cancellationToken, continuationOptions, scheduler))
            : factory.ContinueWhenAny(tasks, continuationFunction, cancellationToken, continuationOptions, scheduler);
}
