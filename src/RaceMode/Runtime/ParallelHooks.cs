using System.Collections.Concurrent;
using System.ComponentModel;

namespace ActorConcurrency.RaceMode.Runtime;

/// <summary>
/// The hooks of <c>Parallel.For</c>, <c>Parallel.ForEach</c>, <c>Parallel.Invoke</c>, <c>Parallel.ForEachAsync</c>,
/// <c>Parallel.ForAsync</c> and PLINQ's <c>ForAll</c> (see <see cref="CallbackFork"/>): the caller's past happens before every iteration, each
/// iteration is its own logical thread (iterations are concurrent with each other, as goroutines would be), and every
/// iteration's end happens before the call returns (before the await of an async loop's task). The overloads with a
/// thread-local state are in ParallelHooks.LocalState.cs.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static partial class ParallelHooks
{
    /// <summary>Replaces <c>Parallel.For(int, int, Action&lt;int&gt;)</c>.</summary>
    public static ParallelLoopResult For(int fromInclusive, int toExclusive, Action<int> body) =>
        Loop(body, f => f is null ? Parallel.For(fromInclusive, toExclusive, body) : Parallel.For(fromInclusive, toExclusive, i => f.Run(() => body(i))));

    /// <summary>Replaces <c>Parallel.For(int, int, Action&lt;int, ParallelLoopState&gt;)</c>.</summary>
    public static ParallelLoopResult For(int fromInclusive, int toExclusive, Action<int, ParallelLoopState> body) =>
        Loop(body, f => f is null ? Parallel.For(fromInclusive, toExclusive, body) : Parallel.For(fromInclusive, toExclusive, (i, s) => f.Run(() => body(i, s))));

    /// <summary>Replaces <c>Parallel.For(long, long, Action&lt;long&gt;)</c>.</summary>
    public static ParallelLoopResult For(long fromInclusive, long toExclusive, Action<long> body) =>
        Loop(body, f => f is null ? Parallel.For(fromInclusive, toExclusive, body) : Parallel.For(fromInclusive, toExclusive, i => f.Run(() => body(i))));

    /// <summary>Replaces <c>Parallel.For(long, long, Action&lt;long, ParallelLoopState&gt;)</c>.</summary>
    public static ParallelLoopResult For(long fromInclusive, long toExclusive, Action<long, ParallelLoopState> body) =>
        Loop(body, f => f is null ? Parallel.For(fromInclusive, toExclusive, body) : Parallel.For(fromInclusive, toExclusive, (i, s) => f.Run(() => body(i, s))));

    /// <summary>Replaces <c>Parallel.For(int, int, ParallelOptions, Action&lt;int&gt;)</c>.</summary>
    public static ParallelLoopResult For(int fromInclusive, int toExclusive, ParallelOptions parallelOptions, Action<int> body) =>
        Loop(body, f => f is null ? Parallel.For(fromInclusive, toExclusive, parallelOptions, body) : Parallel.For(fromInclusive, toExclusive, parallelOptions, i => f.Run(() => body(i))));

    /// <summary>Replaces <c>Parallel.For(int, int, ParallelOptions, Action&lt;int, ParallelLoopState&gt;)</c>.</summary>
    public static ParallelLoopResult For(int fromInclusive, int toExclusive, ParallelOptions parallelOptions, Action<int, ParallelLoopState> body) =>
        Loop(body, f => f is null ? Parallel.For(fromInclusive, toExclusive, parallelOptions, body) : Parallel.For(fromInclusive, toExclusive, parallelOptions, (i, s) => f.Run(() => body(i, s))));

    /// <summary>Replaces <c>Parallel.For(long, long, ParallelOptions, Action&lt;long&gt;)</c>.</summary>
    public static ParallelLoopResult For(long fromInclusive, long toExclusive, ParallelOptions parallelOptions, Action<long> body) =>
        Loop(body, f => f is null ? Parallel.For(fromInclusive, toExclusive, parallelOptions, body) : Parallel.For(fromInclusive, toExclusive, parallelOptions, i => f.Run(() => body(i))));

    /// <summary>Replaces <c>Parallel.For(long, long, ParallelOptions, Action&lt;long, ParallelLoopState&gt;)</c>.</summary>
    public static ParallelLoopResult For(long fromInclusive, long toExclusive, ParallelOptions parallelOptions, Action<long, ParallelLoopState> body) =>
        Loop(body, f => f is null ? Parallel.For(fromInclusive, toExclusive, parallelOptions, body) : Parallel.For(fromInclusive, toExclusive, parallelOptions, (i, s) => f.Run(() => body(i, s))));

    /// <summary>Replaces <c>Parallel.ForEach&lt;TSource&gt;(IEnumerable&lt;TSource&gt;, Action&lt;TSource&gt;)</c>.</summary>
    public static ParallelLoopResult ForEach<TSource>(IEnumerable<TSource> source, Action<TSource> body) =>
        Loop(body, f => f is null ? Parallel.ForEach(source, body) : Parallel.ForEach(source, x => f.Run(() => body(x))));

    /// <summary>Replaces <c>Parallel.ForEach&lt;TSource&gt;(IEnumerable&lt;TSource&gt;, Action&lt;TSource, ParallelLoopState&gt;)</c>.</summary>
    public static ParallelLoopResult ForEach<TSource>(IEnumerable<TSource> source, Action<TSource, ParallelLoopState> body) =>
        Loop(body, f => f is null ? Parallel.ForEach(source, body) : Parallel.ForEach(source, (x, s) => f.Run(() => body(x, s))));

    /// <summary>Replaces <c>Parallel.ForEach&lt;TSource&gt;(IEnumerable&lt;TSource&gt;, Action&lt;TSource, ParallelLoopState, long&gt;)</c>.</summary>
    public static ParallelLoopResult ForEach<TSource>(IEnumerable<TSource> source, Action<TSource, ParallelLoopState, long> body) =>
        Loop(body, f => f is null ? Parallel.ForEach(source, body) : Parallel.ForEach(source, (x, s, i) => f.Run(() => body(x, s, i))));

    /// <summary>Replaces <c>Parallel.ForEach&lt;TSource&gt;(IEnumerable&lt;TSource&gt;, ParallelOptions, Action&lt;TSource&gt;)</c>.</summary>
    public static ParallelLoopResult ForEach<TSource>(IEnumerable<TSource> source, ParallelOptions parallelOptions, Action<TSource> body) =>
        Loop(body, f => f is null ? Parallel.ForEach(source, parallelOptions, body) : Parallel.ForEach(source, parallelOptions, x => f.Run(() => body(x))));

    /// <summary>Replaces <c>Parallel.ForEach&lt;TSource&gt;(IEnumerable&lt;TSource&gt;, ParallelOptions, Action&lt;TSource, ParallelLoopState&gt;)</c>.</summary>
    public static ParallelLoopResult ForEach<TSource>(IEnumerable<TSource> source, ParallelOptions parallelOptions, Action<TSource, ParallelLoopState> body) =>
        Loop(body, f => f is null ? Parallel.ForEach(source, parallelOptions, body) : Parallel.ForEach(source, parallelOptions, (x, s) => f.Run(() => body(x, s))));

    /// <summary>Replaces <c>Parallel.ForEach&lt;TSource&gt;(IEnumerable&lt;TSource&gt;, ParallelOptions, Action&lt;TSource, ParallelLoopState, long&gt;)</c>.</summary>
    public static ParallelLoopResult ForEach<TSource>(IEnumerable<TSource> source, ParallelOptions parallelOptions, Action<TSource, ParallelLoopState, long> body) =>
        Loop(body, f => f is null ? Parallel.ForEach(source, parallelOptions, body) : Parallel.ForEach(source, parallelOptions, (x, s, i) => f.Run(() => body(x, s, i))));

    /// <summary>Replaces <c>Parallel.ForEach&lt;TSource&gt;(Partitioner&lt;TSource&gt;, Action&lt;TSource&gt;)</c>.</summary>
    public static ParallelLoopResult ForEach<TSource>(Partitioner<TSource> source, Action<TSource> body) =>
        Loop(body, f => f is null ? Parallel.ForEach(source, body) : Parallel.ForEach(source, x => f.Run(() => body(x))));

    /// <summary>Replaces <c>Parallel.ForEach&lt;TSource&gt;(Partitioner&lt;TSource&gt;, Action&lt;TSource, ParallelLoopState&gt;)</c>.</summary>
    public static ParallelLoopResult ForEach<TSource>(Partitioner<TSource> source, Action<TSource, ParallelLoopState> body) =>
        Loop(body, f => f is null ? Parallel.ForEach(source, body) : Parallel.ForEach(source, (x, s) => f.Run(() => body(x, s))));

    /// <summary>Replaces <c>Parallel.ForEach&lt;TSource&gt;(OrderablePartitioner&lt;TSource&gt;, Action&lt;TSource, ParallelLoopState, long&gt;)</c>.</summary>
    public static ParallelLoopResult ForEach<TSource>(OrderablePartitioner<TSource> source, Action<TSource, ParallelLoopState, long> body) =>
        Loop(body, f => f is null ? Parallel.ForEach(source, body) : Parallel.ForEach(source, (x, s, i) => f.Run(() => body(x, s, i))));

    /// <summary>Replaces <c>Parallel.ForEach&lt;TSource&gt;(Partitioner&lt;TSource&gt;, ParallelOptions, Action&lt;TSource&gt;)</c>.</summary>
    public static ParallelLoopResult ForEach<TSource>(Partitioner<TSource> source, ParallelOptions parallelOptions, Action<TSource> body) =>
        Loop(body, f => f is null ? Parallel.ForEach(source, parallelOptions, body) : Parallel.ForEach(source, parallelOptions, x => f.Run(() => body(x))));

    /// <summary>Replaces <c>Parallel.ForEach&lt;TSource&gt;(Partitioner&lt;TSource&gt;, ParallelOptions, Action&lt;TSource, ParallelLoopState&gt;)</c>.</summary>
    public static ParallelLoopResult ForEach<TSource>(Partitioner<TSource> source, ParallelOptions parallelOptions, Action<TSource, ParallelLoopState> body) =>
        Loop(body, f => f is null ? Parallel.ForEach(source, parallelOptions, body) : Parallel.ForEach(source, parallelOptions, (x, s) => f.Run(() => body(x, s))));

    /// <summary>Replaces <c>Parallel.ForEach&lt;TSource&gt;(OrderablePartitioner&lt;TSource&gt;, ParallelOptions, Action&lt;TSource, ParallelLoopState, long&gt;)</c>.</summary>
    public static ParallelLoopResult ForEach<TSource>(OrderablePartitioner<TSource> source, ParallelOptions parallelOptions, Action<TSource, ParallelLoopState, long> body) =>
        Loop(body, f => f is null ? Parallel.ForEach(source, parallelOptions, body) : Parallel.ForEach(source, parallelOptions, (x, s, i) => f.Run(() => body(x, s, i))));

    /// <summary>
    /// Replaces PLINQ's <c>ParallelEnumerable.ForAll&lt;TSource&gt;(ParallelQuery&lt;TSource&gt;, Action&lt;TSource&gt;)</c>: each call
    /// of the action is an iteration, which takes over the element the query's calls handed it; <c>ForAll</c> also runs
    /// the query (<see cref="PlinqScope"/>).
    /// </summary>
    public static void ForAll<TSource>(ParallelQuery<TSource> source, Action<TSource> action)
    {
        PlinqScope scope = PlinqHooks.Scope(source);
        scope.Start();
        try
        {
            Loop(action, f =>
            {
                if (f is null)
                {
                    source.ForAll(action);
                }
                else
                {
                    source.ForAll(x => f.Run(() =>
                    {
                        PlinqScope.Take(x);
                        action(x);
                    }));
                }

                return 0;
            });
        }
        finally
        {
            scope.Finish();
        }
    }

    /// <summary>Replaces <c>Parallel.Invoke(params Action[])</c>.</summary>
    public static void Invoke(params Action[] actions) => Invoke(new ParallelOptions(), actions);

    /// <summary>Replaces <c>Parallel.Invoke(ParallelOptions, params Action[])</c>: each action is its own logical thread.</summary>
    public static void Invoke(ParallelOptions parallelOptions, params Action[] actions)
    {
        bool checkable = actions is not null && Array.TrueForAll(actions, a => a is not null);
        Loop(checkable ? actions : null, f =>
        {
            if (f is null)
            {
                Parallel.Invoke(parallelOptions, actions!);
            }
            else
            {
                Parallel.Invoke(parallelOptions, Array.ConvertAll(actions!, a => (Action)(() => f.Run(a))));
            }

            return 0;
        });
    }

    /// <summary>Replaces <c>Parallel.ForEachAsync&lt;TSource&gt;(IEnumerable&lt;TSource&gt;, Func&lt;TSource, CancellationToken, ValueTask&gt;)</c>.</summary>
    public static Task ForEachAsync<TSource>(IEnumerable<TSource> source, Func<TSource, CancellationToken, ValueTask> body) =>
        Parallel.ForEachAsync(source, Iteration(body));

    public static Task ForEachAsync<TSource>(IEnumerable<TSource> source, CancellationToken cancellationToken, Func<TSource, CancellationToken, ValueTask> body) =>
        Parallel.ForEachAsync(source, cancellationToken, Iteration(body));

    public static Task ForEachAsync<TSource>(IEnumerable<TSource> source, ParallelOptions parallelOptions, Func<TSource, CancellationToken, ValueTask> body) =>
        Parallel.ForEachAsync(source, parallelOptions, Iteration(body));

    public static Task ForEachAsync<TSource>(IAsyncEnumerable<TSource> source, Func<TSource, CancellationToken, ValueTask> body) =>
        Parallel.ForEachAsync(source, Iteration(body));

    public static Task ForEachAsync<TSource>(IAsyncEnumerable<TSource> source, CancellationToken cancellationToken, Func<TSource, CancellationToken, ValueTask> body) =>
        Parallel.ForEachAsync(source, cancellationToken, Iteration(body));

    public static Task ForEachAsync<TSource>(IAsyncEnumerable<TSource> source, ParallelOptions parallelOptions, Func<TSource, CancellationToken, ValueTask> body) =>
        Parallel.ForEachAsync(source, parallelOptions, Iteration(body));

    /// <summary>Replaces <c>Parallel.ForAsync&lt;T&gt;(T, T, Func&lt;T, CancellationToken, ValueTask&gt;)</c>.</summary>
    public static Task ForAsync<T>(T fromInclusive, T toExclusive, Func<T, CancellationToken, ValueTask> body)
        where T : notnull, System.Numerics.IBinaryInteger<T> =>
        Parallel.ForAsync(fromInclusive, toExclusive, Iteration(body));

    public static Task ForAsync<T>(T fromInclusive, T toExclusive, CancellationToken cancellationToken, Func<T, CancellationToken, ValueTask> body)
        where T : notnull, System.Numerics.IBinaryInteger<T> =>
        Parallel.ForAsync(fromInclusive, toExclusive, cancellationToken, Iteration(body));

    public static Task ForAsync<T>(T fromInclusive, T toExclusive, ParallelOptions parallelOptions, Func<T, CancellationToken, ValueTask> body)
        where T : notnull, System.Numerics.IBinaryInteger<T> =>
        Parallel.ForAsync(fromInclusive, toExclusive, parallelOptions, Iteration(body));

    /// <summary>
    /// An async loop's body: each iteration is a new logical thread forked from the call, and its end (of the part that
    /// ran synchronously: the rest completes the body's own task, which an async builder releases) goes into the
    /// global clock, which the await of the loop's task (made by the framework) acquires.
    /// </summary>
    private static Func<TItem, CancellationToken, ValueTask> Iteration<TItem>(Func<TItem, CancellationToken, ValueTask> body)
    {
        if (CallbackFork.Submit(body, "parallel body", oneShot: false) is not { } fork)
        {
            return body!;
        }

        return (item, cancellationToken) =>
        {
            ValueTask step = default;
            fork.Run(() =>
            {
                try
                {
                    step = body(item, cancellationToken);
                }
                finally
                {
                    SyncHooks.ReleaseAny();
                }
            });
            return step;
        };
    }

    /// <summary>Runs the loop with its body forked per iteration, then joins every iteration (also when it threw).</summary>
    private static T Loop<T>(object? body, Func<CallbackFork?, T> run)
    {
        // A null body goes to the framework unchanged, which throws as it always does (Invoke's actions are an array).
        CallbackFork? fork = body is null ? null : CallbackFork.Submit("parallel body", oneShot: false);
        try
        {
            return run(fork);
        }
        finally
        {
            fork?.Joined();
        }
    }
}
