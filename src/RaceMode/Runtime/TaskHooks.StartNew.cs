namespace ActorConcurrency.RaceMode.Runtime;

/// <summary>
/// The other forms of <c>TaskFactory.StartNew</c>: with a cancellation token alone, with a state object, and on a
/// <c>TaskFactory&lt;TResult&gt;</c> (<c>Task&lt;int&gt;.Factory</c>); each starts its body as TaskHooks' forms do.
/// </summary>
public static partial class TaskHooks
{
    /// <summary>Replaces <c>TaskFactory.StartNew(Action, CancellationToken)</c>.</summary>
    public static Task StartNew(TaskFactory factory, Action action, CancellationToken cancellationToken) =>
        StartNew(factory, action, cancellationToken, factory.CreationOptions, factory.Scheduler ?? TaskScheduler.Default);

    /// <summary>Replaces <c>TaskFactory.StartNew&lt;T&gt;(Func&lt;T&gt;, CancellationToken)</c>.</summary>
    public static Task<T> StartNew<T>(TaskFactory factory, Func<T> function, CancellationToken cancellationToken) =>
        StartNew(factory, function, cancellationToken, factory.CreationOptions, factory.Scheduler ?? TaskScheduler.Default);

    /// <summary>Replaces <c>TaskFactory.StartNew(Action&lt;object&gt;, object)</c>.</summary>
    public static Task StartNew(TaskFactory factory, Action<object?> action, object? state) =>
        StartNew(factory, action, state, CancellationToken.None, factory.CreationOptions, factory.Scheduler ?? TaskScheduler.Default);

    /// <summary>Replaces <c>TaskFactory.StartNew(Action&lt;object&gt;, object, CancellationToken)</c>.</summary>
    public static Task StartNew(TaskFactory factory, Action<object?> action, object? state, CancellationToken cancellationToken) =>
        StartNew(factory, action, state, cancellationToken, factory.CreationOptions, factory.Scheduler ?? TaskScheduler.Default);

    /// <summary>Replaces <c>TaskFactory.StartNew(Action&lt;object&gt;, object, TaskCreationOptions)</c>.</summary>
    public static Task StartNew(TaskFactory factory, Action<object?> action, object? state, TaskCreationOptions creationOptions) =>
        StartNew(factory, action, state, CancellationToken.None, creationOptions, factory.Scheduler ?? TaskScheduler.Default);

    /// <summary>Replaces <c>TaskFactory.StartNew(Action&lt;object&gt;, object, CancellationToken, TaskCreationOptions, TaskScheduler)</c>: the state is the body's.</summary>
    public static Task StartNew(TaskFactory factory, Action<object?> action, object? state, CancellationToken cancellationToken, TaskCreationOptions creationOptions, TaskScheduler scheduler) =>
        action is not null && Fork("task") is { } fork
            ? fork.Link(factory.StartNew(s => fork.Run(() => action(s)), state, cancellationToken, creationOptions, scheduler))
            : factory.StartNew(action!, state, cancellationToken, creationOptions, scheduler);

    /// <summary>Replaces <c>TaskFactory.StartNew&lt;T&gt;(Func&lt;object, T&gt;, object)</c>.</summary>
    public static Task<T> StartNew<T>(TaskFactory factory, Func<object?, T> function, object? state) =>
        StartNew(factory, function, state, CancellationToken.None, factory.CreationOptions, factory.Scheduler ?? TaskScheduler.Default);

    /// <summary>Replaces <c>TaskFactory.StartNew&lt;T&gt;(Func&lt;object, T&gt;, object, CancellationToken)</c>.</summary>
    public static Task<T> StartNew<T>(TaskFactory factory, Func<object?, T> function, object? state, CancellationToken cancellationToken) =>
        StartNew(factory, function, state, cancellationToken, factory.CreationOptions, factory.Scheduler ?? TaskScheduler.Default);

    /// <summary>Replaces <c>TaskFactory.StartNew&lt;T&gt;(Func&lt;object, T&gt;, object, TaskCreationOptions)</c>.</summary>
    public static Task<T> StartNew<T>(TaskFactory factory, Func<object?, T> function, object? state, TaskCreationOptions creationOptions) =>
        StartNew(factory, function, state, CancellationToken.None, creationOptions, factory.Scheduler ?? TaskScheduler.Default);

    /// <summary>Replaces <c>TaskFactory.StartNew&lt;T&gt;(Func&lt;object, T&gt;, object, CancellationToken, TaskCreationOptions, TaskScheduler)</c>.</summary>
    public static Task<T> StartNew<T>(TaskFactory factory, Func<object?, T> function, object? state, CancellationToken cancellationToken, TaskCreationOptions creationOptions, TaskScheduler scheduler) =>
        function is not null && Fork("task") is { } fork
            ? fork.Link(factory.StartNew(s => fork.Run(() => function(s)), state, cancellationToken, creationOptions, scheduler))
            : factory.StartNew(function!, state, cancellationToken, creationOptions, scheduler);

    /// <summary>Replaces <c>TaskFactory&lt;TResult&gt;.StartNew(Func&lt;TResult&gt;)</c>.</summary>
    public static Task<TResult> StartNew<TResult>(TaskFactory<TResult> factory, Func<TResult> function) =>
        StartNew(factory, function, CancellationToken.None, factory.CreationOptions, factory.Scheduler ?? TaskScheduler.Default);

    /// <summary>Replaces <c>TaskFactory&lt;TResult&gt;.StartNew(Func&lt;TResult&gt;, CancellationToken)</c>.</summary>
    public static Task<TResult> StartNew<TResult>(TaskFactory<TResult> factory, Func<TResult> function, CancellationToken cancellationToken) =>
        StartNew(factory, function, cancellationToken, factory.CreationOptions, factory.Scheduler ?? TaskScheduler.Default);

    /// <summary>Replaces <c>TaskFactory&lt;TResult&gt;.StartNew(Func&lt;TResult&gt;, TaskCreationOptions)</c>.</summary>
    public static Task<TResult> StartNew<TResult>(TaskFactory<TResult> factory, Func<TResult> function, TaskCreationOptions creationOptions) =>
        StartNew(factory, function, CancellationToken.None, creationOptions, factory.Scheduler ?? TaskScheduler.Default);

    /// <summary>Replaces <c>TaskFactory&lt;TResult&gt;.StartNew(Func&lt;TResult&gt;, CancellationToken, TaskCreationOptions, TaskScheduler)</c>.</summary>
    public static Task<TResult> StartNew<TResult>(TaskFactory<TResult> factory, Func<TResult> function, CancellationToken cancellationToken, TaskCreationOptions creationOptions, TaskScheduler scheduler) =>
        function is not null && Fork("task") is { } fork
            ? fork.Link(factory.StartNew(() => fork.Run(function), cancellationToken, creationOptions, scheduler))
            : factory.StartNew(function!, cancellationToken, creationOptions, scheduler);

    /// <summary>Replaces <c>TaskFactory&lt;TResult&gt;.StartNew(Func&lt;object, TResult&gt;, object)</c>.</summary>
    public static Task<TResult> StartNew<TResult>(TaskFactory<TResult> factory, Func<object?, TResult> function, object? state) =>
        StartNew(factory, function, state, CancellationToken.None, factory.CreationOptions, factory.Scheduler ?? TaskScheduler.Default);

    /// <summary>Replaces <c>TaskFactory&lt;TResult&gt;.StartNew(Func&lt;object, TResult&gt;, object, CancellationToken)</c>.</summary>
    public static Task<TResult> StartNew<TResult>(TaskFactory<TResult> factory, Func<object?, TResult> function, object? state, CancellationToken cancellationToken) =>
        StartNew(factory, function, state, cancellationToken, factory.CreationOptions, factory.Scheduler ?? TaskScheduler.Default);

    /// <summary>Replaces <c>TaskFactory&lt;TResult&gt;.StartNew(Func&lt;object, TResult&gt;, object, TaskCreationOptions)</c>.</summary>
    public static Task<TResult> StartNew<TResult>(TaskFactory<TResult> factory, Func<object?, TResult> function, object? state, TaskCreationOptions creationOptions) =>
        StartNew(factory, function, state, CancellationToken.None, creationOptions, factory.Scheduler ?? TaskScheduler.Default);

    /// <summary>Replaces <c>TaskFactory&lt;TResult&gt;.StartNew(Func&lt;object, TResult&gt;, object, CancellationToken, TaskCreationOptions, TaskScheduler)</c>.</summary>
    public static Task<TResult> StartNew<TResult>(
        TaskFactory<TResult> factory, Func<object?, TResult> function, object? state, CancellationToken cancellationToken, TaskCreationOptions creationOptions, TaskScheduler scheduler) =>
        function is not null && Fork("task") is { } fork
            ? fork.Link(factory.StartNew(s => fork.Run(() => function(s)), state, cancellationToken, creationOptions, scheduler))
            : factory.StartNew(function!, state, cancellationToken, creationOptions, scheduler);
}
