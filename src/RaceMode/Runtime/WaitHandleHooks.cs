using System.ComponentModel;

namespace ActorConcurrency.RaceMode.Runtime;

/// <summary>
/// Kernel wait handles (<c>ManualResetEvent</c>, <c>AutoResetEvent</c>, <c>EventWaitHandle</c>, <c>Semaphore</c>,
/// <c>Mutex</c>): a signal (<c>Set</c>, <c>Release</c>, <c>ReleaseMutex</c>) happens before the waits it satisfies. A
/// successful wait acquires the handle (<c>WaitAny</c> the one it returned, <c>WaitAll</c> each); a wait that timed out
/// acquires nothing; <c>Reset</c> orders nothing.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class WaitHandleHooks
{
    public static bool Set(EventWaitHandle handle)
    {
        SyncHooks.Release(handle);
        return handle.Set();
    }

    public static int Release(Semaphore semaphore)
    {
        SyncHooks.Release(semaphore);
        return semaphore.Release();
    }

    public static int Release(Semaphore semaphore, int releaseCount)
    {
        SyncHooks.Release(semaphore);
        return semaphore.Release(releaseCount);
    }

    public static void ReleaseMutex(Mutex mutex)
    {
        SyncHooks.Release(mutex);
        mutex.ReleaseMutex();
    }

    public static bool WaitOne(WaitHandle handle) => SyncHooks.AcquireIf(handle, handle.WaitOne());

    public static bool WaitOne(WaitHandle handle, int millisecondsTimeout) => SyncHooks.AcquireIf(handle, handle.WaitOne(millisecondsTimeout));

    public static bool WaitOne(WaitHandle handle, TimeSpan timeout) => SyncHooks.AcquireIf(handle, handle.WaitOne(timeout));

    public static bool WaitOne(WaitHandle handle, int millisecondsTimeout, bool exitContext) => SyncHooks.AcquireIf(handle, handle.WaitOne(millisecondsTimeout, exitContext));

    public static bool WaitOne(WaitHandle handle, TimeSpan timeout, bool exitContext) => SyncHooks.AcquireIf(handle, handle.WaitOne(timeout, exitContext));

    public static bool WaitAll(WaitHandle[] waitHandles) => AcquiredAll(waitHandles, WaitHandle.WaitAll(waitHandles));

    public static bool WaitAll(WaitHandle[] waitHandles, int millisecondsTimeout) => AcquiredAll(waitHandles, WaitHandle.WaitAll(waitHandles, millisecondsTimeout));

    public static bool WaitAll(WaitHandle[] waitHandles, TimeSpan timeout) => AcquiredAll(waitHandles, WaitHandle.WaitAll(waitHandles, timeout));

    public static int WaitAny(WaitHandle[] waitHandles) => AcquiredAny(waitHandles, WaitHandle.WaitAny(waitHandles));

    public static int WaitAny(WaitHandle[] waitHandles, int millisecondsTimeout) => AcquiredAny(waitHandles, WaitHandle.WaitAny(waitHandles, millisecondsTimeout));

    public static int WaitAny(WaitHandle[] waitHandles, TimeSpan timeout) => AcquiredAny(waitHandles, WaitHandle.WaitAny(waitHandles, timeout));

    public static bool SignalAndWait(WaitHandle toSignal, WaitHandle toWaitOn)
    {
        SyncHooks.Release(toSignal);
        return SyncHooks.AcquireIf(toWaitOn, WaitHandle.SignalAndWait(toSignal, toWaitOn));
    }

    private static bool AcquiredAll(WaitHandle[] handles, bool signalled)
    {
        if (signalled)
        {
            foreach (WaitHandle handle in handles)
            {
                SyncHooks.Acquire(handle);
            }
        }

        return signalled;
    }

    private static int AcquiredAny(WaitHandle[] handles, int index)
    {
        if (index >= 0 && index < handles.Length)
        {
            SyncHooks.Acquire(handles[index]);
        }

        return index;
    }
}
