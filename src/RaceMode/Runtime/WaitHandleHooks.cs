using System.ComponentModel;

namespace ActorConcurrency.RaceMode.Runtime;

/// <summary>
/// Kernel wait handles (<c>ManualResetEvent</c>, <c>AutoResetEvent</c>, <c>EventWaitHandle</c>, <c>Semaphore</c>,
/// <c>Mutex</c>): a signal (<c>Set</c>, <c>Release</c>, <c>ReleaseMutex</c>) happens before the waits it satisfies. A
/// successful wait acquires the handle (<c>WaitAny</c> the one it returned, <c>WaitAll</c> each); a wait that timed out
/// acquires nothing; <c>Reset</c> orders nothing. An unnamed <c>Semaphore</c> made by rewritten code is exact: a release
/// happens before the wait it lets through (<see cref="SemaphoreShadow"/>).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class WaitHandleHooks
{
    public static bool Set(EventWaitHandle handle)
    {
        SyncHooks.Release(handle);
        return handle.Set();
    }

    public static Semaphore NewSemaphore(int initialCount, int maximumCount) =>
        SemaphoreShadow.Track(new Semaphore(initialCount, maximumCount), initialCount);

    /// <summary>A named semaphore may be shared with other processes: its counts are not all seen, so it gets no shadow.</summary>
    public static Semaphore NewSemaphore(int initialCount, int maximumCount, string? name) =>
        name is null ? NewSemaphore(initialCount, maximumCount) : new Semaphore(initialCount, maximumCount, name);

    public static int Release(Semaphore semaphore) => Release(semaphore, 1);

    public static int Release(Semaphore semaphore, int releaseCount)
    {
        if (SemaphoreShadow.Of(semaphore) is { } shadow)
        {
            var released = new object();
            SyncHooks.Release(released);
            return shadow.Release(semaphore, releaseCount, released);
        }

        SyncHooks.Release(semaphore);
        return semaphore.Release(releaseCount);
    }

    public static void ReleaseMutex(Mutex mutex)
    {
        SyncHooks.Release(mutex);
        mutex.ReleaseMutex();
    }

    public static bool WaitOne(WaitHandle handle) => Acquired(handle, handle.WaitOne());

    public static bool WaitOne(WaitHandle handle, int millisecondsTimeout) => Acquired(handle, handle.WaitOne(millisecondsTimeout));

    public static bool WaitOne(WaitHandle handle, TimeSpan timeout) => Acquired(handle, handle.WaitOne(timeout));

    public static bool WaitOne(WaitHandle handle, int millisecondsTimeout, bool exitContext) => Acquired(handle, handle.WaitOne(millisecondsTimeout, exitContext));

    public static bool WaitOne(WaitHandle handle, TimeSpan timeout, bool exitContext) => Acquired(handle, handle.WaitOne(timeout, exitContext));

    public static bool WaitAll(WaitHandle[] waitHandles) => AcquiredAll(waitHandles, WaitHandle.WaitAll(waitHandles));

    public static bool WaitAll(WaitHandle[] waitHandles, int millisecondsTimeout) => AcquiredAll(waitHandles, WaitHandle.WaitAll(waitHandles, millisecondsTimeout));

    public static bool WaitAll(WaitHandle[] waitHandles, TimeSpan timeout) => AcquiredAll(waitHandles, WaitHandle.WaitAll(waitHandles, timeout));

    public static int WaitAny(WaitHandle[] waitHandles) => AcquiredAny(waitHandles, WaitHandle.WaitAny(waitHandles));

    public static int WaitAny(WaitHandle[] waitHandles, int millisecondsTimeout) => AcquiredAny(waitHandles, WaitHandle.WaitAny(waitHandles, millisecondsTimeout));

    public static int WaitAny(WaitHandle[] waitHandles, TimeSpan timeout) => AcquiredAny(waitHandles, WaitHandle.WaitAny(waitHandles, timeout));

    public static bool SignalAndWait(WaitHandle toSignal, WaitHandle toWaitOn)
    {
        SyncHooks.Release(toSignal);
        return Acquired(toWaitOn, WaitHandle.SignalAndWait(toSignal, toWaitOn));
    }

    /// <summary>After a wait on <paramref name="handle"/>: when it succeeded, acquires the handle, or the token it took of a tracked semaphore.</summary>
    private static bool Acquired(WaitHandle handle, bool succeeded)
    {
        if (succeeded)
        {
            SyncHooks.Acquire(SemaphoreShadow.Of(handle) is { } shadow ? shadow.TakeAfterWait() : handle);
        }

        return succeeded;
    }

    private static bool AcquiredAll(WaitHandle[] handles, bool signalled)
    {
        if (signalled)
        {
            foreach (WaitHandle handle in handles)
            {
                Acquired(handle, true);
            }
        }

        return signalled;
    }

    private static int AcquiredAny(WaitHandle[] handles, int index)
    {
        if (index >= 0 && index < handles.Length)
        {
            Acquired(handles[index], true);
        }

        return index;
    }
}
