using System.Collections.Concurrent;

namespace ActorConcurrency.RaceMode.Runtime;

/// <summary>
/// The overloads of <c>Parallel.For</c> and <c>Parallel.ForEach</c> with a thread-local state (<c>localInit</c>, a body
/// that takes and returns the local, <c>localFinally</c>). Each call of the three is its own logical thread, as every
/// iteration is; what the framework promises on top is the local's hand-over: one worker's <c>localInit</c>, its
/// iterations and its <c>localFinally</c> run one after another, each given the local the one before returned. That
/// hand-over is modelled as a release at the end of each step and an acquire at the start of the next, keyed by the
/// worker's own <see cref="Handoff{TLocal}"/>; the steps of different workers stay concurrent, so a
/// <c>localFinally</c> that adds to a shared total without a lock is a race, and a local a worker mutates is not.
/// </summary>
public static partial class ParallelHooks
{
    /// <summary>Replaces <c>Parallel.For&lt;TLocal&gt;(int, int, Func&lt;TLocal&gt;, Func&lt;int, ParallelLoopState, TLocal, TLocal&gt;, Action&lt;TLocal&gt;)</c>.</summary>
    public static ParallelLoopResult For<TLocal>(int fromInclusive, int toExclusive, Func<TLocal> localInit, Func<int, ParallelLoopState, TLocal, TLocal> body, Action<TLocal> localFinally) =>
        Local(localInit, body, localFinally, f => f is null
            ? Parallel.For(fromInclusive, toExclusive, localInit, body, localFinally)
            : Parallel.For(fromInclusive, toExclusive, Init(f, localInit), (i, s, h) => Step(f, h, l => body(i, s, l)), Finally(f, localFinally)));

    /// <summary>Replaces <c>Parallel.For&lt;TLocal&gt;(int, int, ParallelOptions, Func&lt;TLocal&gt;, Func&lt;int, ParallelLoopState, TLocal, TLocal&gt;, Action&lt;TLocal&gt;)</c>.</summary>
    public static ParallelLoopResult For<TLocal>(
        int fromInclusive, int toExclusive, ParallelOptions parallelOptions, Func<TLocal> localInit, Func<int, ParallelLoopState, TLocal, TLocal> body, Action<TLocal> localFinally) =>
        Local(localInit, body, localFinally, f => f is null
            ? Parallel.For(fromInclusive, toExclusive, parallelOptions, localInit, body, localFinally)
            : Parallel.For(fromInclusive, toExclusive, parallelOptions, Init(f, localInit), (i, s, h) => Step(f, h, l => body(i, s, l)), Finally(f, localFinally)));

    /// <summary>Replaces <c>Parallel.For&lt;TLocal&gt;(long, long, Func&lt;TLocal&gt;, Func&lt;long, ParallelLoopState, TLocal, TLocal&gt;, Action&lt;TLocal&gt;)</c>.</summary>
    public static ParallelLoopResult For<TLocal>(long fromInclusive, long toExclusive, Func<TLocal> localInit, Func<long, ParallelLoopState, TLocal, TLocal> body, Action<TLocal> localFinally) =>
        Local(localInit, body, localFinally, f => f is null
            ? Parallel.For(fromInclusive, toExclusive, localInit, body, localFinally)
            : Parallel.For(fromInclusive, toExclusive, Init(f, localInit), (i, s, h) => Step(f, h, l => body(i, s, l)), Finally(f, localFinally)));

    /// <summary>Replaces <c>Parallel.For&lt;TLocal&gt;(long, long, ParallelOptions, Func&lt;TLocal&gt;, Func&lt;long, ParallelLoopState, TLocal, TLocal&gt;, Action&lt;TLocal&gt;)</c>.</summary>
    public static ParallelLoopResult For<TLocal>(
        long fromInclusive, long toExclusive, ParallelOptions parallelOptions, Func<TLocal> localInit, Func<long, ParallelLoopState, TLocal, TLocal> body, Action<TLocal> localFinally) =>
        Local(localInit, body, localFinally, f => f is null
            ? Parallel.For(fromInclusive, toExclusive, parallelOptions, localInit, body, localFinally)
            : Parallel.For(fromInclusive, toExclusive, parallelOptions, Init(f, localInit), (i, s, h) => Step(f, h, l => body(i, s, l)), Finally(f, localFinally)));

    /// <summary>Replaces <c>Parallel.ForEach&lt;TSource, TLocal&gt;(IEnumerable&lt;TSource&gt;, Func&lt;TLocal&gt;, Func&lt;TSource, ParallelLoopState, TLocal, TLocal&gt;, Action&lt;TLocal&gt;)</c>.</summary>
    public static ParallelLoopResult ForEach<TSource, TLocal>(
        IEnumerable<TSource> source, Func<TLocal> localInit, Func<TSource, ParallelLoopState, TLocal, TLocal> body, Action<TLocal> localFinally) =>
        Local(localInit, body, localFinally, f => f is null
            ? Parallel.ForEach(source, localInit, body, localFinally)
            : Parallel.ForEach(source, Init(f, localInit), (x, s, h) => Step(f, h, l => body(x, s, l)), Finally(f, localFinally)));

    /// <summary>Replaces <c>Parallel.ForEach&lt;TSource, TLocal&gt;(IEnumerable&lt;TSource&gt;, ParallelOptions, Func&lt;TLocal&gt;, Func&lt;TSource, ParallelLoopState, TLocal, TLocal&gt;, Action&lt;TLocal&gt;)</c>.</summary>
    public static ParallelLoopResult ForEach<TSource, TLocal>(
        IEnumerable<TSource> source, ParallelOptions parallelOptions, Func<TLocal> localInit, Func<TSource, ParallelLoopState, TLocal, TLocal> body, Action<TLocal> localFinally) =>
        Local(localInit, body, localFinally, f => f is null
            ? Parallel.ForEach(source, parallelOptions, localInit, body, localFinally)
            : Parallel.ForEach(source, parallelOptions, Init(f, localInit), (x, s, h) => Step(f, h, l => body(x, s, l)), Finally(f, localFinally)));

    /// <summary>Replaces <c>Parallel.ForEach&lt;TSource, TLocal&gt;(IEnumerable&lt;TSource&gt;, Func&lt;TLocal&gt;, Func&lt;TSource, ParallelLoopState, long, TLocal, TLocal&gt;, Action&lt;TLocal&gt;)</c>.</summary>
    public static ParallelLoopResult ForEach<TSource, TLocal>(
        IEnumerable<TSource> source, Func<TLocal> localInit, Func<TSource, ParallelLoopState, long, TLocal, TLocal> body, Action<TLocal> localFinally) =>
        Local(localInit, body, localFinally, f => f is null
            ? Parallel.ForEach(source, localInit, body, localFinally)
            : Parallel.ForEach(source, Init(f, localInit), (x, s, i, h) => Step(f, h, l => body(x, s, i, l)), Finally(f, localFinally)));

    /// <summary>Replaces <c>Parallel.ForEach&lt;TSource, TLocal&gt;(IEnumerable&lt;TSource&gt;, ParallelOptions, Func&lt;TLocal&gt;, Func&lt;TSource, ParallelLoopState, long, TLocal, TLocal&gt;, Action&lt;TLocal&gt;)</c>.</summary>
    public static ParallelLoopResult ForEach<TSource, TLocal>(
        IEnumerable<TSource> source, ParallelOptions parallelOptions, Func<TLocal> localInit, Func<TSource, ParallelLoopState, long, TLocal, TLocal> body, Action<TLocal> localFinally) =>
        Local(localInit, body, localFinally, f => f is null
            ? Parallel.ForEach(source, parallelOptions, localInit, body, localFinally)
            : Parallel.ForEach(source, parallelOptions, Init(f, localInit), (x, s, i, h) => Step(f, h, l => body(x, s, i, l)), Finally(f, localFinally)));

    /// <summary>Replaces <c>Parallel.ForEach&lt;TSource, TLocal&gt;(Partitioner&lt;TSource&gt;, Func&lt;TLocal&gt;, Func&lt;TSource, ParallelLoopState, TLocal, TLocal&gt;, Action&lt;TLocal&gt;)</c>.</summary>
    public static ParallelLoopResult ForEach<TSource, TLocal>(
        Partitioner<TSource> source, Func<TLocal> localInit, Func<TSource, ParallelLoopState, TLocal, TLocal> body, Action<TLocal> localFinally) =>
        Local(localInit, body, localFinally, f => f is null
            ? Parallel.ForEach(source, localInit, body, localFinally)
            : Parallel.ForEach(source, Init(f, localInit), (x, s, h) => Step(f, h, l => body(x, s, l)), Finally(f, localFinally)));

    /// <summary>Replaces <c>Parallel.ForEach&lt;TSource, TLocal&gt;(Partitioner&lt;TSource&gt;, ParallelOptions, Func&lt;TLocal&gt;, Func&lt;TSource, ParallelLoopState, TLocal, TLocal&gt;, Action&lt;TLocal&gt;)</c>.</summary>
    public static ParallelLoopResult ForEach<TSource, TLocal>(
        Partitioner<TSource> source, ParallelOptions parallelOptions, Func<TLocal> localInit, Func<TSource, ParallelLoopState, TLocal, TLocal> body, Action<TLocal> localFinally) =>
        Local(localInit, body, localFinally, f => f is null
            ? Parallel.ForEach(source, parallelOptions, localInit, body, localFinally)
            : Parallel.ForEach(source, parallelOptions, Init(f, localInit), (x, s, h) => Step(f, h, l => body(x, s, l)), Finally(f, localFinally)));

    /// <summary>Replaces <c>Parallel.ForEach&lt;TSource, TLocal&gt;(OrderablePartitioner&lt;TSource&gt;, Func&lt;TLocal&gt;, Func&lt;TSource, ParallelLoopState, long, TLocal, TLocal&gt;, Action&lt;TLocal&gt;)</c>.</summary>
    public static ParallelLoopResult ForEach<TSource, TLocal>(
        OrderablePartitioner<TSource> source, Func<TLocal> localInit, Func<TSource, ParallelLoopState, long, TLocal, TLocal> body, Action<TLocal> localFinally) =>
        Local(localInit, body, localFinally, f => f is null
            ? Parallel.ForEach(source, localInit, body, localFinally)
            : Parallel.ForEach(source, Init(f, localInit), (x, s, i, h) => Step(f, h, l => body(x, s, i, l)), Finally(f, localFinally)));

    /// <summary>Replaces <c>Parallel.ForEach&lt;TSource, TLocal&gt;(OrderablePartitioner&lt;TSource&gt;, ParallelOptions, Func&lt;TLocal&gt;, Func&lt;TSource, ParallelLoopState, long, TLocal, TLocal&gt;, Action&lt;TLocal&gt;)</c>.</summary>
    public static ParallelLoopResult ForEach<TSource, TLocal>(
        OrderablePartitioner<TSource> source,
        ParallelOptions parallelOptions,
        Func<TLocal> localInit,
        Func<TSource, ParallelLoopState, long, TLocal, TLocal> body,
        Action<TLocal> localFinally) =>
        Local(localInit, body, localFinally, f => f is null
            ? Parallel.ForEach(source, parallelOptions, localInit, body, localFinally)
            : Parallel.ForEach(source, parallelOptions, Init(f, localInit), (x, s, i, h) => Step(f, h, l => body(x, s, i, l)), Finally(f, localFinally)));

    /// <summary>The loop, its three callbacks forked per call; any of them null goes to the framework unchanged (which throws).</summary>
    private static ParallelLoopResult Local(Delegate? localInit, Delegate? body, Delegate? localFinally, Func<CallbackFork?, ParallelLoopResult> run) =>
        Loop(localInit is null || body is null || localFinally is null ? null : body, run);

    /// <summary>A worker's <c>localInit</c>: its own logical thread, whose end the worker's first step acquires.</summary>
    private static Func<Handoff<TLocal>> Init<TLocal>(CallbackFork fork, Func<TLocal> localInit) => () =>
    {
        var handoff = new Handoff<TLocal>();
        handoff.Value = fork.Run(() =>
        {
            TLocal value = localInit();
            SyncHooks.Release(handoff);
            return value;
        });
        return handoff;
    };

    /// <summary>One iteration of a worker: acquires the step before it (the local it is given), releases its own end.</summary>
    private static Handoff<TLocal> Step<TLocal>(CallbackFork fork, Handoff<TLocal> handoff, Func<TLocal, TLocal> body)
    {
        handoff.Value = fork.Run(
            () =>
            {
                TLocal next = body(handoff.Value);
                SyncHooks.Release(handoff);
                return next;
            },
            after: handoff);
        return handoff;
    }

    /// <summary>A worker's <c>localFinally</c>: after its last step.</summary>
    private static Action<Handoff<TLocal>> Finally<TLocal>(CallbackFork fork, Action<TLocal> localFinally) =>
        handoff => fork.Run(() => localFinally(handoff.Value), after: handoff);

    /// <summary>One worker's local as the framework hands it from step to step: the key of that hand-over.</summary>
    private sealed class Handoff<TLocal>
    {
        public TLocal Value = default!;
    }
}
