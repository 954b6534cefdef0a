using System.ComponentModel;

namespace ActorConcurrency.RaceMode.Runtime;

/// <summary>
/// <c>ManualResetEventSlim</c> and <c>CountdownEvent</c>: every <c>Set</c> / <c>Signal</c> happens before each wait it
/// releases (and before an <c>IsSet</c> that reads true). A wait that times out acquires nothing; <c>Reset</c>,
/// <c>AddCount</c> and <c>TryAddCount</c> order nothing.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class EventSlimHooks
{
    public static void Set(ManualResetEventSlim signal)
    {
        SyncHooks.Release(signal);
        signal.Set();
    }

    public static bool Signal(CountdownEvent countdown)
    {
        SyncHooks.Release(countdown);
        return countdown.Signal();
    }

    public static bool Signal(CountdownEvent countdown, int signalCount)
    {
        SyncHooks.Release(countdown);
        return countdown.Signal(signalCount);
    }

    public static bool get_IsSet(ManualResetEventSlim signal) => SyncHooks.AcquireIf(signal, signal.IsSet);

    /// <summary>A wait on the event's handle acquires what a wait on the event would.</summary>
    public static WaitHandle get_WaitHandle(ManualResetEventSlim signal) => SyncHooks.Alias(signal, signal.WaitHandle);

    /// <summary>A wait on the countdown's handle acquires what a wait on the countdown would.</summary>
    public static WaitHandle get_WaitHandle(CountdownEvent countdown) => SyncHooks.Alias(countdown, countdown.WaitHandle);

    public static bool get_IsSet(CountdownEvent countdown) => SyncHooks.AcquireIf(countdown, countdown.IsSet);

    public static void Wait(ManualResetEventSlim signal)
    {
        signal.Wait();
        SyncHooks.Acquire(signal);
    }

    public static void Wait(ManualResetEventSlim signal, CancellationToken cancellationToken)
    {
        signal.Wait(cancellationToken);
        SyncHooks.Acquire(signal);
    }

    public static bool Wait(ManualResetEventSlim signal, int millisecondsTimeout) => SyncHooks.AcquireIf(signal, signal.Wait(millisecondsTimeout));

    public static bool Wait(ManualResetEventSlim signal, TimeSpan timeout) => SyncHooks.AcquireIf(signal, signal.Wait(timeout));

    public static bool Wait(ManualResetEventSlim signal, int millisecondsTimeout, CancellationToken cancellationToken) =>
        SyncHooks.AcquireIf(signal, signal.Wait(millisecondsTimeout, cancellationToken));

    public static bool Wait(ManualResetEventSlim signal, TimeSpan timeout, CancellationToken cancellationToken) =>
        SyncHooks.AcquireIf(signal, signal.Wait(timeout, cancellationToken));

    public static void Wait(CountdownEvent countdown)
    {
        countdown.Wait();
        SyncHooks.Acquire(countdown);
    }

    public static void Wait(CountdownEvent countdown, CancellationToken cancellationToken)
    {
        countdown.Wait(cancellationToken);
        SyncHooks.Acquire(countdown);
    }

    public static bool Wait(CountdownEvent countdown, int millisecondsTimeout) => SyncHooks.AcquireIf(countdown, countdown.Wait(millisecondsTimeout));

    public static bool Wait(CountdownEvent countdown, TimeSpan timeout) => SyncHooks.AcquireIf(countdown, countdown.Wait(timeout));

    public static bool Wait(CountdownEvent countdown, int millisecondsTimeout, CancellationToken cancellationToken) =>
        SyncHooks.AcquireIf(countdown, countdown.Wait(millisecondsTimeout, cancellationToken));

    public static bool Wait(CountdownEvent countdown, TimeSpan timeout, CancellationToken cancellationToken) =>
        SyncHooks.AcquireIf(countdown, countdown.Wait(timeout, cancellationToken));
}
