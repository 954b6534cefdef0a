using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace ActorConcurrency.RaceMode.Runtime;

/// <summary>
/// Cancellation, by the rule Go has for closing a channel: <c>Cancel</c> (and <c>CancelAsync</c>, <c>CancelAfter</c>, a
/// source made with a delay) happens before every observation of the cancellation: an <c>IsCancellationRequested</c>
/// that reads true, a <c>ThrowIfCancellationRequested</c> that throws, a wait on the token's <c>WaitHandle</c>. A linked
/// source is cancelled after its parents, so observing it acquires theirs too. Nothing is ordered by an observation
/// that finds the token not cancelled. A catch handler that receives an <c>OperationCanceledException</c> for a token
/// (from a framework wait given it, or a cancelled task) observes that token's cancellation too. A callback registered on a token is forked at the registration and a run of it
/// acquires the cancellation (it may run inside <c>Cancel</c>, on a timer's thread, or at once when the token already
/// is cancelled); a synchronous <c>Cancel</c> runs the callbacks before it returns, so their ends happen before its
/// return (a linked source's callbacks too), and so does a registration on a token already cancelled. Cancelling also completes tasks the framework made (a cancelled
/// <c>Task.Delay</c>, a registered wait), so it goes into the global clock that waits for those acquire, as a task's
/// end does.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class CancellationHooks
{
    private static readonly ConditionalWeakTable<CancellationTokenSource, object> s_callbacksEnded = [];

    public static CancellationTokenSource NewSource(int millisecondsDelay) => Delayed(new CancellationTokenSource(millisecondsDelay));

    public static CancellationTokenSource NewSource(TimeSpan delay) => Delayed(new CancellationTokenSource(delay));

    public static CancellationTokenSource NewSource(TimeSpan delay, TimeProvider timeProvider) => Delayed(new CancellationTokenSource(delay, timeProvider));

    /// <summary><c>Cancel</c> runs the registered callbacks before it returns (or throws their exceptions): their ends happen before its return.</summary>
    public static void Cancel(CancellationTokenSource source) => Cancel(source, throwOnFirstException: false);

    public static void Cancel(CancellationTokenSource source, bool throwOnFirstException)
    {
        SyncHooks.ReleaseCompletion(source);
        try
        {
            source.Cancel(throwOnFirstException);
        }
        finally
        {
            SyncHooks.Acquire(CallbacksEnded(source));
        }
    }

    public static Task CancelAsync(CancellationTokenSource source)
    {
        SyncHooks.ReleaseCompletion(source);
        return source.CancelAsync();
    }

    /// <summary>The timer that cancels later is started here: what came before the call happens before it (Go's <c>AfterFunc</c>).</summary>
    public static void CancelAfter(CancellationTokenSource source, int millisecondsDelay)
    {
        SyncHooks.ReleaseCompletion(source);
        source.CancelAfter(millisecondsDelay);
    }

    public static void CancelAfter(CancellationTokenSource source, TimeSpan delay)
    {
        SyncHooks.ReleaseCompletion(source);
        source.CancelAfter(delay);
    }

    public static bool get_IsCancellationRequested(CancellationTokenSource source) => SyncHooks.AcquireIf(source, source.IsCancellationRequested);

    public static bool get_IsCancellationRequested(ref CancellationToken token) => SyncHooks.AcquireIf(SourceOf(ref token), token.IsCancellationRequested);

    public static void ThrowIfCancellationRequested(ref CancellationToken token)
    {
        if (SyncHooks.AcquireIf(SourceOf(ref token), token.IsCancellationRequested))
        {
            token.ThrowIfCancellationRequested();
        }
    }

    /// <summary>A wait on the token's handle acquires what observing the cancellation does.</summary>
    public static WaitHandle get_WaitHandle(ref CancellationToken token)
    {
        WaitHandle handle = token.WaitHandle;
        return SourceOf(ref token) is { } source ? SyncHooks.Alias(source, handle) : handle;
    }

    /// <summary>The callback is a fork of the registration (Go's go statement), and a run of it acquires the cancellation.</summary>
    public static CancellationTokenRegistration Register(ref CancellationToken token, Action callback) => Register(ref token, callback, useSynchronizationContext: false);

    public static CancellationTokenRegistration Register(ref CancellationToken token, Action callback, bool useSynchronizationContext)
    {
        CancellationTokenSource? source = SourceOf(ref token);
        bool ranAtOnce = token.IsCancellationRequested;
        return Joined(source, ranAtOnce, CallbackFork.Submit(callback, "cancellation callback", oneShot: true) is { } fork ? token.Register(() => Run(fork, callback, source), useSynchronizationContext) : token.Register(callback, useSynchronizationContext));
    }

    public static CancellationTokenRegistration Register(ref CancellationToken token, Action<object?> callback, object? state) =>
        Register(ref token, callback, state, useSynchronizationContext: false);

    public static CancellationTokenRegistration Register(ref CancellationToken token, Action<object?> callback, object? state, bool useSynchronizationContext)
    {
        CancellationTokenSource? source = SourceOf(ref token);
        bool ranAtOnce = token.IsCancellationRequested;
        return Joined(source, ranAtOnce, CallbackFork.Submit(callback, "cancellation callback", oneShot: true) is { } fork
            ? token.Register(s => Run(fork, () => callback(s), source), state, useSynchronizationContext)
            : token.Register(callback, state, useSynchronizationContext));
    }

    public static CancellationTokenRegistration Register(ref CancellationToken token, Action<object?, CancellationToken> callback, object? state)
    {
        CancellationTokenSource? source = SourceOf(ref token);
        bool ranAtOnce = token.IsCancellationRequested;
        return Joined(source, ranAtOnce, CallbackFork.Submit(callback, "cancellation callback", oneShot: true) is { } fork ? token.Register((s, t) => Run(fork, () => callback(s, t), source), state) : token.Register(callback, state));
    }

    public static CancellationTokenRegistration UnsafeRegister(ref CancellationToken token, Action<object?> callback, object? state)
    {
        CancellationTokenSource? source = SourceOf(ref token);
        bool ranAtOnce = token.IsCancellationRequested;
        return Joined(source, ranAtOnce, CallbackFork.Submit(callback, "cancellation callback", oneShot: true) is { } fork ? token.UnsafeRegister(s => Run(fork, () => callback(s), source), state) : token.UnsafeRegister(callback, state));
    }

    public static CancellationTokenRegistration UnsafeRegister(ref CancellationToken token, Action<object?, CancellationToken> callback, object? state)
    {
        CancellationTokenSource? source = SourceOf(ref token);
        bool ranAtOnce = token.IsCancellationRequested;
        return Joined(source, ranAtOnce, CallbackFork.Submit(callback, "cancellation callback", oneShot: true) is { } fork ? token.UnsafeRegister((s, t) => Run(fork, () => callback(s, t), source), state) : token.UnsafeRegister(callback, state));
    }

    public static CancellationTokenSource CreateLinkedTokenSource(CancellationToken token) => Linked(CancellationTokenSource.CreateLinkedTokenSource(token), [token]);

    public static CancellationTokenSource CreateLinkedTokenSource(CancellationToken token1, CancellationToken token2) =>
        Linked(CancellationTokenSource.CreateLinkedTokenSource(token1, token2), [token1, token2]);

    public static CancellationTokenSource CreateLinkedTokenSource(CancellationToken[] tokens) => Linked(CancellationTokenSource.CreateLinkedTokenSource(tokens), tokens);

    public static CancellationTokenSource CreateLinkedTokenSource(ReadOnlySpan<CancellationToken> tokens) =>
        Linked(CancellationTokenSource.CreateLinkedTokenSource(tokens), tokens.ToArray());

    /// <summary>
    /// At the start of a catch handler that may catch a cancellation: an <c>OperationCanceledException</c> (alone, or
    /// inside an <c>AggregateException</c>) thrown for a token observes its cancellation, whoever threw it (a framework
    /// wait given the token, a task that was cancelled).
    /// </summary>
    public static void Caught(object? exception)
    {
        if (RaceSession.Active is null)
        {
            return;
        }

        if (exception is OperationCanceledException cancelled)
        {
            Observed(cancelled);
        }
        else if (exception is AggregateException aggregate)
        {
            foreach (Exception inner in aggregate.Flatten().InnerExceptions)
            {
                if (inner is OperationCanceledException innerCancelled)
                {
                    Observed(innerCancelled);
                }
            }
        }
    }

    private static void Observed(OperationCanceledException exception)
    {
        CancellationToken token = exception.CancellationToken;
        SyncHooks.Acquire(SourceOf(ref token));
    }

    /// <summary>
    /// One run of a registered callback, as a logical thread forked at the registration that acquires the cancellation;
    /// its end is released into the source's <see cref="CallbacksEnded"/>, which a synchronous <c>Cancel</c> (and a
    /// registration on a token already cancelled, which runs the callback at once) acquires when it returns.
    /// </summary>
    private static void Run(CallbackFork fork, Action callback, CancellationTokenSource? source) => fork.Run(
        () =>
        {
            try
            {
                callback();
            }
            finally
            {
                SyncHooks.Release(CallbacksEnded(source));
            }
        },
        source);

    /// <summary>After a registration: if the token was cancelled already, the callback ran inside the call.</summary>
    private static CancellationTokenRegistration Joined(CancellationTokenSource? source, bool ranAtOnce, CancellationTokenRegistration registration)
    {
        if (ranAtOnce)
        {
            SyncHooks.Acquire(CallbacksEnded(source));
        }

        return registration;
    }

    /// <summary>The key the ends of <paramref name="source"/>'s callbacks are released into (null for no source).</summary>
    private static object? CallbacksEnded(CancellationTokenSource? source) => source is null ? null : s_callbacksEnded.GetValue(source, static _ => new object());

    private static CancellationTokenSource Delayed(CancellationTokenSource source)
    {
        SyncHooks.ReleaseCompletion(source);
        return source;
    }

    /// <summary>Observing <paramref name="linked"/> cancelled also acquires each parent's cancellation.</summary>
    private static CancellationTokenSource Linked(CancellationTokenSource linked, CancellationToken[] parents)
    {
        if (RaceSession.Active is { } session)
        {
            for (int i = 0; i < parents.Length; i++)
            {
                if (SourceOf(ref parents[i]) is { } parent)
                {
                    session.Link(linked, parent);

                    // The parent's Cancel cancels the linked source inside it, which runs the linked source's callbacks.
                    session.Link(CallbacksEnded(parent)!, CallbacksEnded(linked)!);
                }
            }
        }

        return linked;
    }

    /// <summary>The source behind a token (null for <c>CancellationToken.None</c>): the key its cancellation is released into.</summary>
    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "_source")]
    private static extern ref CancellationTokenSource? SourceOf(ref CancellationToken token);
}
