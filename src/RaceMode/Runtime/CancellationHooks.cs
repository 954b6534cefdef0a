using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace ActorConcurrency.RaceMode.Runtime;

/// <summary>
/// Cancellation, by the rule Go has for closing a channel: <c>Cancel</c> (and <c>CancelAsync</c>, <c>CancelAfter</c>, a
/// source made with a delay) happens before every observation of the cancellation: an <c>IsCancellationRequested</c>
/// that reads true, a <c>ThrowIfCancellationRequested</c> that throws, a wait on the token's <c>WaitHandle</c>. A linked
/// source is cancelled after its parents, so observing it acquires theirs too. Nothing is ordered by an observation
/// that finds the token not cancelled. Cancelling also completes tasks the framework made (a cancelled
/// <c>Task.Delay</c>, a registered wait), so it goes into the global clock that waits for those acquire, as a task's
/// end does.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class CancellationHooks
{
    public static CancellationTokenSource NewSource(int millisecondsDelay) => Delayed(new CancellationTokenSource(millisecondsDelay));

    public static CancellationTokenSource NewSource(TimeSpan delay) => Delayed(new CancellationTokenSource(delay));

    public static CancellationTokenSource NewSource(TimeSpan delay, TimeProvider timeProvider) => Delayed(new CancellationTokenSource(delay, timeProvider));

    public static void Cancel(CancellationTokenSource source)
    {
        SyncHooks.ReleaseCompletion(source);
        source.Cancel();
    }

    public static void Cancel(CancellationTokenSource source, bool throwOnFirstException)
    {
        SyncHooks.ReleaseCompletion(source);
        source.Cancel(throwOnFirstException);
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

    public static CancellationTokenSource CreateLinkedTokenSource(CancellationToken token) => Linked(CancellationTokenSource.CreateLinkedTokenSource(token), [token]);

    public static CancellationTokenSource CreateLinkedTokenSource(CancellationToken token1, CancellationToken token2) =>
        Linked(CancellationTokenSource.CreateLinkedTokenSource(token1, token2), [token1, token2]);

    public static CancellationTokenSource CreateLinkedTokenSource(CancellationToken[] tokens) => Linked(CancellationTokenSource.CreateLinkedTokenSource(tokens), tokens);

    public static CancellationTokenSource CreateLinkedTokenSource(ReadOnlySpan<CancellationToken> tokens) =>
        Linked(CancellationTokenSource.CreateLinkedTokenSource(tokens), tokens.ToArray());

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
                }
            }
        }

        return linked;
    }

    /// <summary>The source behind a token (null for <c>CancellationToken.None</c>): the key its cancellation is released into.</summary>
    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "_source")]
    private static extern ref CancellationTokenSource? SourceOf(ref CancellationToken token);
}
