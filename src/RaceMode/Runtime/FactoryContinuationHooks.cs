using System.ComponentModel;

namespace ActorConcurrency.RaceMode.Runtime;

/// <summary>
/// The hooks of <c>TaskFactory.ContinueWhenAll</c> and <c>ContinueWhenAny</c> over plain tasks (see <see cref="CallbackFork"/>;
/// over tasks with a result in FactoryContinuationHooks.OfT.cs):
/// the caller's past and the antecedents' ends (all of them, or the one that completed) happen before the
/// continuation; its end happens before a wait for the task returned.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static partial class FactoryContinuationHooks
{
    /// <summary>Replaces <c>TaskFactory.ContinueWhenAll(Task[], Action&lt;Task[]&gt;)</c>.</summary>
    public static Task ContinueWhenAll(TaskFactory factory, Task[] tasks, Action<Task[]> continuationAction) =>
        Submit(continuationAction) is { } f ? f.Link(factory.ContinueWhenAll(tasks, ts => f.Run(() => continuationAction(ts), ts))) : factory.ContinueWhenAll(tasks, continuationAction);

    /// <summary>Replaces <c>TaskFactory.ContinueWhenAll(Task[], Action&lt;Task[]&gt;, CancellationToken)</c>.</summary>
    public static Task ContinueWhenAll(TaskFactory factory, Task[] tasks, Action<Task[]> continuationAction, CancellationToken cancellationToken) =>
        Submit(continuationAction) is { } f ? f.Link(factory.ContinueWhenAll(tasks, ts => f.Run(() => continuationAction(ts), ts), cancellationToken)) : factory.ContinueWhenAll(tasks, continuationAction, cancellationToken);

    /// <summary>Replaces <c>TaskFactory.ContinueWhenAll(Task[], Action&lt;Task[]&gt;, TaskContinuationOptions)</c>.</summary>
    public static Task ContinueWhenAll(TaskFactory factory, Task[] tasks, Action<Task[]> continuationAction, TaskContinuationOptions continuationOptions) =>
        Submit(continuationAction) is { } f ? f.Link(factory.ContinueWhenAll(tasks, ts => f.Run(() => continuationAction(ts), ts), continuationOptions)) : factory.ContinueWhenAll(tasks, continuationAction, continuationOptions);

    /// <summary>Replaces <c>TaskFactory.ContinueWhenAll(Task[], Action&lt;Task[]&gt;, CancellationToken, TaskContinuationOptions, TaskScheduler)</c>.</summary>
    public static Task ContinueWhenAll(TaskFactory factory, Task[] tasks, Action<Task[]> continuationAction, CancellationToken cancellationToken, TaskContinuationOptions continuationOptions, TaskScheduler scheduler) =>
        Submit(continuationAction) is { } f
            ? f.Link(factory.ContinueWhenAll(tasks, ts => f.Run(() => continuationAction(ts), ts), cancellationToken, continuationOptions, scheduler))
            : factory.ContinueWhenAll(tasks, continuationAction, cancellationToken, continuationOptions, scheduler);

    /// <summary>Replaces <c>TaskFactory.ContinueWhenAll&lt;TResult&gt;(Task[], Func&lt;Task[], TResult&gt;)</c>.</summary>
    public static Task<TResult> ContinueWhenAll<TResult>(TaskFactory factory, Task[] tasks, Func<Task[], TResult> continuationFunction) =>
        Submit(continuationFunction) is { } f ? f.Link(factory.ContinueWhenAll(tasks, ts => f.Run(() => continuationFunction(ts), ts))) : factory.ContinueWhenAll(tasks, continuationFunction);

    /// <summary>Replaces <c>TaskFactory.ContinueWhenAll&lt;TResult&gt;(Task[], Func&lt;Task[], TResult&gt;, CancellationToken)</c>.</summary>
    public static Task<TResult> ContinueWhenAll<TResult>(TaskFactory factory, Task[] tasks, Func<Task[], TResult> continuationFunction, CancellationToken cancellationToken) =>
        Submit(continuationFunction) is { } f ? f.Link(factory.ContinueWhenAll(tasks, ts => f.Run(() => continuationFunction(ts), ts), cancellationToken)) : factory.ContinueWhenAll(tasks, continuationFunction, cancellationToken);

    /// <summary>Replaces <c>TaskFactory.ContinueWhenAll&lt;TResult&gt;(Task[], Func&lt;Task[], TResult&gt;, TaskContinuationOptions)</c>.</summary>
    public static Task<TResult> ContinueWhenAll<TResult>(TaskFactory factory, Task[] tasks, Func<Task[], TResult> continuationFunction, TaskContinuationOptions continuationOptions) =>
        Submit(continuationFunction) is { } f ? f.Link(factory.ContinueWhenAll(tasks, ts => f.Run(() => continuationFunction(ts), ts), continuationOptions)) : factory.ContinueWhenAll(tasks, continuationFunction, continuationOptions);

    /// <summary>Replaces <c>TaskFactory.ContinueWhenAll&lt;TResult&gt;(Task[], Func&lt;Task[], TResult&gt;, CancellationToken, TaskContinuationOptions, TaskScheduler)</c>.</summary>
    public static Task<TResult> ContinueWhenAll<TResult>(TaskFactory factory, Task[] tasks, Func<Task[], TResult> continuationFunction, CancellationToken cancellationToken, TaskContinuationOptions continuationOptions, TaskScheduler scheduler) =>
        Submit(continuationFunction) is { } f
            ? f.Link(factory.ContinueWhenAll(tasks, ts => f.Run(() => continuationFunction(ts), ts), cancellationToken, continuationOptions, scheduler))
            : factory.ContinueWhenAll(tasks, continuationFunction, cancellationToken, continuationOptions, scheduler);

    /// <summary>Replaces <c>TaskFactory.ContinueWhenAny(Task[], Action&lt;Task&gt;)</c>.</summary>
    public static Task ContinueWhenAny(TaskFactory factory, Task[] tasks, Action<Task> continuationAction) =>
        Submit(continuationAction) is { } f ? f.Link(factory.ContinueWhenAny(tasks, t => f.Run(() => continuationAction(t), t))) : factory.ContinueWhenAny(tasks, continuationAction);

    /// <summary>Replaces <c>TaskFactory.ContinueWhenAny(Task[], Action&lt;Task&gt;, CancellationToken)</c>.</summary>
    public static Task ContinueWhenAny(TaskFactory factory, Task[] tasks, Action<Task> continuationAction, CancellationToken cancellationToken) =>
        Submit(continuationAction) is { } f ? f.Link(factory.ContinueWhenAny(tasks, t => f.Run(() => continuationAction(t), t), cancellationToken)) : factory.ContinueWhenAny(tasks, continuationAction, cancellationToken);

    /// <summary>Replaces <c>TaskFactory.ContinueWhenAny(Task[], Action&lt;Task&gt;, TaskContinuationOptions)</c>.</summary>
    public static Task ContinueWhenAny(TaskFactory factory, Task[] tasks, Action<Task> continuationAction, TaskContinuationOptions continuationOptions) =>
        Submit(continuationAction) is { } f ? f.Link(factory.ContinueWhenAny(tasks, t => f.Run(() => continuationAction(t), t), continuationOptions)) : factory.ContinueWhenAny(tasks, continuationAction, continuationOptions);

    /// <summary>Replaces <c>TaskFactory.ContinueWhenAny(Task[], Action&lt;Task&gt;, CancellationToken, TaskContinuationOptions, TaskScheduler)</c>.</summary>
    public static Task ContinueWhenAny(TaskFactory factory, Task[] tasks, Action<Task> continuationAction, CancellationToken cancellationToken, TaskContinuationOptions continuationOptions, TaskScheduler scheduler) =>
        Submit(continuationAction) is { } f
            ? f.Link(factory.ContinueWhenAny(tasks, t => f.Run(() => continuationAction(t), t), cancellationToken, continuationOptions, scheduler))
            : factory.ContinueWhenAny(tasks, continuationAction, cancellationToken, continuationOptions, scheduler);

    /// <summary>Replaces <c>TaskFactory.ContinueWhenAny&lt;TResult&gt;(Task[], Func&lt;Task, TResult&gt;)</c>.</summary>
    public static Task<TResult> ContinueWhenAny<TResult>(TaskFactory factory, Task[] tasks, Func<Task, TResult> continuationFunction) =>
        Submit(continuationFunction) is { } f ? f.Link(factory.ContinueWhenAny(tasks, t => f.Run(() => continuationFunction(t), t))) : factory.ContinueWhenAny(tasks, continuationFunction);

    /// <summary>Replaces <c>TaskFactory.ContinueWhenAny&lt;TResult&gt;(Task[], Func&lt;Task, TResult&gt;, CancellationToken)</c>.</summary>
    public static Task<TResult> ContinueWhenAny<TResult>(TaskFactory factory, Task[] tasks, Func<Task, TResult> continuationFunction, CancellationToken cancellationToken) =>
        Submit(continuationFunction) is { } f ? f.Link(factory.ContinueWhenAny(tasks, t => f.Run(() => continuationFunction(t), t), cancellationToken)) : factory.ContinueWhenAny(tasks, continuationFunction, cancellationToken);

    /// <summary>Replaces <c>TaskFactory.ContinueWhenAny&lt;TResult&gt;(Task[], Func&lt;Task, TResult&gt;, TaskContinuationOptions)</c>.</summary>
    public static Task<TResult> ContinueWhenAny<TResult>(TaskFactory factory, Task[] tasks, Func<Task, TResult> continuationFunction, TaskContinuationOptions continuationOptions) =>
        Submit(continuationFunction) is { } f ? f.Link(factory.ContinueWhenAny(tasks, t => f.Run(() => continuationFunction(t), t), continuationOptions)) : factory.ContinueWhenAny(tasks, continuationFunction, continuationOptions);

    /// <summary>Replaces <c>TaskFactory.ContinueWhenAny&lt;TResult&gt;(Task[], Func&lt;Task, TResult&gt;, CancellationToken, TaskContinuationOptions, TaskScheduler)</c>.</summary>
    public static Task<TResult> ContinueWhenAny<TResult>(TaskFactory factory, Task[] tasks, Func<Task, TResult> continuationFunction, CancellationToken cancellationToken, TaskContinuationOptions continuationOptions, TaskScheduler scheduler) =>
        Submit(continuationFunction) is { } f
            ? f.Link(factory.ContinueWhenAny(tasks, t => f.Run(() => continuationFunction(t), t), cancellationToken, continuationOptions, scheduler))
            : factory.ContinueWhenAny(tasks, continuationFunction, cancellationToken, continuationOptions, scheduler);

    private static CallbackFork? Submit(Delegate? continuation) => CallbackFork.Submit(continuation, "continuation", oneShot: true);
}
