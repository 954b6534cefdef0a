using System.ComponentModel;

namespace ActorConcurrency.RaceMode.Runtime;

/// <summary>
/// The hooks of <c>ThreadPool.QueueUserWorkItem</c>, <c>UnsafeQueueUserWorkItem</c> (delegates and <c>IThreadPoolWorkItem</c>) and
/// <c>RegisterWaitForSingleObject</c> (see <see cref="CallbackFork"/>): the code that queued or registered the callback
/// happens before each run of it; a run after the wait handle was signalled also follows what its signaller did.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class PoolHooks
{
    /// <summary>Replaces <c>ThreadPool.QueueUserWorkItem(WaitCallback)</c>.</summary>
    public static bool QueueUserWorkItem(WaitCallback callBack) => QueueUserWorkItem(callBack, null);

    /// <summary>Replaces <c>ThreadPool.QueueUserWorkItem(WaitCallback, object)</c>.</summary>
    public static bool QueueUserWorkItem(WaitCallback callBack, object? state) =>
        CallbackFork.Submit(callBack, "work item", oneShot: true) is { } f ? ThreadPool.QueueUserWorkItem(s => f.Run(() => callBack(s)), state) : ThreadPool.QueueUserWorkItem(callBack, state);

    /// <summary>Replaces <c>ThreadPool.QueueUserWorkItem&lt;TState&gt;(Action&lt;TState&gt;, TState, bool)</c>.</summary>
    public static bool QueueUserWorkItem<TState>(Action<TState> callBack, TState state, bool preferLocal) =>
        CallbackFork.Submit(callBack, "work item", oneShot: true) is { } f ? ThreadPool.QueueUserWorkItem(s => f.Run(() => callBack(s)), state, preferLocal) : ThreadPool.QueueUserWorkItem(callBack, state, preferLocal);

    /// <summary>Replaces <c>ThreadPool.UnsafeQueueUserWorkItem(WaitCallback, object)</c>.</summary>
    public static bool UnsafeQueueUserWorkItem(WaitCallback callBack, object? state) =>
        CallbackFork.Submit(callBack, "work item", oneShot: true) is { } f ? ThreadPool.UnsafeQueueUserWorkItem(s => f.Run(() => callBack(s)), state) : ThreadPool.UnsafeQueueUserWorkItem(callBack, state);

    /// <summary>Replaces <c>ThreadPool.UnsafeQueueUserWorkItem&lt;TState&gt;(Action&lt;TState&gt;, TState, bool)</c>.</summary>
    public static bool UnsafeQueueUserWorkItem<TState>(Action<TState> callBack, TState state, bool preferLocal) =>
        CallbackFork.Submit(callBack, "work item", oneShot: true) is { } f ? ThreadPool.UnsafeQueueUserWorkItem(s => f.Run(() => callBack(s)), state, preferLocal) : ThreadPool.UnsafeQueueUserWorkItem(callBack, state, preferLocal);

    /// <summary>Replaces <c>ThreadPool.UnsafeQueueUserWorkItem(IThreadPoolWorkItem, bool)</c>: the item's <c>Execute</c> is the run.</summary>
    public static bool UnsafeQueueUserWorkItem(IThreadPoolWorkItem callBack, bool preferLocal) =>
        callBack is not null && CallbackFork.Submit("work item", oneShot: true) is { } f
            ? ThreadPool.UnsafeQueueUserWorkItem(new ForkedWorkItem(f, callBack), preferLocal)
            : ThreadPool.UnsafeQueueUserWorkItem(callBack!, preferLocal);

    /// <summary>Replaces <c>ThreadPool.RegisterWaitForSingleObject(WaitHandle, WaitOrTimerCallback, object, int, bool)</c>.</summary>
    public static RegisteredWaitHandle RegisterWaitForSingleObject(WaitHandle waitObject, WaitOrTimerCallback callBack, object? state, int millisecondsTimeOutInterval, bool executeOnlyOnce) =>
        ThreadPool.RegisterWaitForSingleObject(waitObject, Wrap(waitObject, callBack, executeOnlyOnce), state, millisecondsTimeOutInterval, executeOnlyOnce);

    /// <summary>Replaces <c>ThreadPool.RegisterWaitForSingleObject(WaitHandle, WaitOrTimerCallback, object, long, bool)</c>.</summary>
    public static RegisteredWaitHandle RegisterWaitForSingleObject(WaitHandle waitObject, WaitOrTimerCallback callBack, object? state, long millisecondsTimeOutInterval, bool executeOnlyOnce) =>
        ThreadPool.RegisterWaitForSingleObject(waitObject, Wrap(waitObject, callBack, executeOnlyOnce), state, millisecondsTimeOutInterval, executeOnlyOnce);

    /// <summary>Replaces <c>ThreadPool.RegisterWaitForSingleObject(WaitHandle, WaitOrTimerCallback, object, TimeSpan, bool)</c>.</summary>
    public static RegisteredWaitHandle RegisterWaitForSingleObject(WaitHandle waitObject, WaitOrTimerCallback callBack, object? state, TimeSpan timeout, bool executeOnlyOnce) =>
        ThreadPool.RegisterWaitForSingleObject(waitObject, Wrap(waitObject, callBack, executeOnlyOnce), state, timeout, executeOnlyOnce);

    /// <summary>Replaces <c>ThreadPool.UnsafeRegisterWaitForSingleObject(WaitHandle, WaitOrTimerCallback, object, int, bool)</c>.</summary>
    public static RegisteredWaitHandle UnsafeRegisterWaitForSingleObject(WaitHandle waitObject, WaitOrTimerCallback callBack, object? state, int millisecondsTimeOutInterval, bool executeOnlyOnce) =>
        ThreadPool.UnsafeRegisterWaitForSingleObject(waitObject, Wrap(waitObject, callBack, executeOnlyOnce), state, millisecondsTimeOutInterval, executeOnlyOnce);

    /// <summary>Replaces <c>ThreadPool.UnsafeRegisterWaitForSingleObject(WaitHandle, WaitOrTimerCallback, object, TimeSpan, bool)</c>.</summary>
    public static RegisteredWaitHandle UnsafeRegisterWaitForSingleObject(WaitHandle waitObject, WaitOrTimerCallback callBack, object? state, TimeSpan timeout, bool executeOnlyOnce) =>
        ThreadPool.UnsafeRegisterWaitForSingleObject(waitObject, Wrap(waitObject, callBack, executeOnlyOnce), state, timeout, executeOnlyOnce);

    private static WaitOrTimerCallback Wrap(WaitHandle waitObject, WaitOrTimerCallback callBack, bool executeOnlyOnce)
    {
        if (waitObject is null || CallbackFork.Submit(callBack, "registered wait", executeOnlyOnce) is not { } fork)
        {
            return callBack;
        }

        // Signalling a wait handle releases it (rewritten code brackets every call on one): a signalled run acquires it.
        return (state, timedOut) => fork.Run(() => callBack(state, timedOut), timedOut ? null : waitObject);
    }

    /// <summary>A work item whose <c>Execute</c> runs the user's item as its fork's run.</summary>
    private sealed class ForkedWorkItem(CallbackFork fork, IThreadPoolWorkItem item) : IThreadPoolWorkItem
    {
        public void Execute() => fork.Run(item.Execute);
    }
}
