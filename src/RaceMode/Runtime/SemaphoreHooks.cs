using System.ComponentModel;

namespace ActorConcurrency.RaceMode.Runtime;

/// <summary>
/// <c>SemaphoreSlim</c> by Go's channel-as-semaphore rule (<see cref="SemaphoreShadow"/>): a release happens before the
/// wait it lets through, and nothing else is ordered. A wait takes a count with a non-blocking attempt and, while there
/// is none, waits on the semaphore's <c>AvailableWaitHandle</c> (or, for <c>WaitAsync</c>, a registered wait on it) and
/// tries again, honouring the timeout and the cancellation token; a wait that times out acquires nothing. What an
/// asynchronous wait acquires travels with the task it returns: awaiting it acquires.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class SemaphoreHooks
{
    /// <summary>How long a waiter sleeps on the availability handle before trying again (a count can be taken by another in between).</summary>
    private const int Poll = 20;

    public static void Wait(SemaphoreSlim semaphore) => WaitCore(semaphore, Timeout.Infinite, CancellationToken.None);

    public static void Wait(SemaphoreSlim semaphore, CancellationToken cancellationToken) => WaitCore(semaphore, Timeout.Infinite, cancellationToken);

    public static bool Wait(SemaphoreSlim semaphore, int millisecondsTimeout) => WaitCore(semaphore, millisecondsTimeout, CancellationToken.None);

    public static bool Wait(SemaphoreSlim semaphore, TimeSpan timeout) => WaitCore(semaphore, Milliseconds(timeout), CancellationToken.None);

    public static bool Wait(SemaphoreSlim semaphore, int millisecondsTimeout, CancellationToken cancellationToken) =>
        WaitCore(semaphore, millisecondsTimeout, cancellationToken);

    public static bool Wait(SemaphoreSlim semaphore, TimeSpan timeout, CancellationToken cancellationToken) =>
        WaitCore(semaphore, Milliseconds(timeout), cancellationToken);

    public static Task WaitAsync(SemaphoreSlim semaphore) => WaitAsyncCore(semaphore, Timeout.Infinite, CancellationToken.None);

    public static Task WaitAsync(SemaphoreSlim semaphore, CancellationToken cancellationToken) => WaitAsyncCore(semaphore, Timeout.Infinite, cancellationToken);

    public static Task<bool> WaitAsync(SemaphoreSlim semaphore, int millisecondsTimeout) => WaitAsyncCore(semaphore, millisecondsTimeout, CancellationToken.None);

    public static Task<bool> WaitAsync(SemaphoreSlim semaphore, TimeSpan timeout) => WaitAsyncCore(semaphore, Milliseconds(timeout), CancellationToken.None);

    public static Task<bool> WaitAsync(SemaphoreSlim semaphore, int millisecondsTimeout, CancellationToken cancellationToken) =>
        WaitAsyncCore(semaphore, millisecondsTimeout, cancellationToken);

    public static Task<bool> WaitAsync(SemaphoreSlim semaphore, TimeSpan timeout, CancellationToken cancellationToken) =>
        WaitAsyncCore(semaphore, Milliseconds(timeout), cancellationToken);

    public static int Release(SemaphoreSlim semaphore) => Release(semaphore, 1);

    /// <summary>The handle is set while a count is free: a wait on it is ordered after the releases so far (not by one token).</summary>
    public static WaitHandle get_AvailableWaitHandle(SemaphoreSlim semaphore) => SyncHooks.Alias(semaphore, semaphore.AvailableWaitHandle);

    public static int Release(SemaphoreSlim semaphore, int releaseCount)
    {
        var released = new object();
        SyncHooks.Release(released);

        // Every release also goes into the semaphore itself, which only a wait on its AvailableWaitHandle acquires.
        SyncHooks.Release(semaphore);
        return SemaphoreShadow.Of(semaphore).Release(semaphore, releaseCount, released);
    }

    private static bool WaitCore(SemaphoreSlim semaphore, int millisecondsTimeout, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(millisecondsTimeout, Timeout.Infinite);
        SemaphoreShadow shadow = SemaphoreShadow.Of(semaphore);
        long deadline = millisecondsTimeout == Timeout.Infinite ? long.MaxValue : Environment.TickCount64 + millisecondsTimeout;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (shadow.TryTake(semaphore, out object? token))
            {
                SyncHooks.Acquire(token);
                return true;
            }

            long left = deadline - Environment.TickCount64;
            if (left <= 0)
            {
                return false;
            }

            WaitHandle.WaitAny([semaphore.AvailableWaitHandle, cancellationToken.WaitHandle], (int)Math.Min(left, Poll));
        }
    }

    private static Task<bool> WaitAsyncCore(SemaphoreSlim semaphore, int millisecondsTimeout, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(millisecondsTimeout, Timeout.Infinite);
        SemaphoreShadow shadow = SemaphoreShadow.Of(semaphore);
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<bool>(cancellationToken);
        }

        if (shadow.TryTake(semaphore, out object? token))
        {
            // Taken at once, on the caller's thread: acquire here (a completed task may be shared by the framework).
            SyncHooks.Acquire(token);
            return Completed(true);
        }

        if (millisecondsTimeout == 0)
        {
            return Completed(false);
        }

        var done = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        _ = WaitLater(RaceSession.Active, shadow, semaphore, millisecondsTimeout, cancellationToken, done);
        return done.Task;
    }

    private static async Task WaitLater(
        RaceSession? session, SemaphoreShadow shadow, SemaphoreSlim semaphore, int millisecondsTimeout, CancellationToken cancellationToken, TaskCompletionSource<bool> done)
    {
        long deadline = millisecondsTimeout == Timeout.Infinite ? long.MaxValue : Environment.TickCount64 + millisecondsTimeout;
        try
        {
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (shadow.TryTake(semaphore, out object? token))
                {
                    session?.LinkCompletion(done.Task, token ?? ChannelShadow.NoEdge);
                    done.SetResult(true);
                    return;
                }

                long left = deadline - Environment.TickCount64;
                if (left <= 0)
                {
                    session?.Link(done.Task, ChannelShadow.NoEdge);
                    done.SetResult(false);
                    return;
                }

                await Available(semaphore.AvailableWaitHandle, (int)Math.Min(left, Poll), cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            session?.Link(done.Task, ChannelShadow.NoEdge);
            done.TrySetCanceled(cancellationToken);
        }
        catch (Exception e)
        {
            session?.Link(done.Task, ChannelShadow.NoEdge);
            done.TrySetException(e);
        }
    }

    /// <summary>
    /// A completed task of its own, known to order nothing (what it acquires was acquired already): the framework's
    /// cached <c>Task.FromResult(true)</c> would be a task race mode knows nothing of, and awaiting it would acquire the
    /// global clock.
    /// </summary>
    private static Task<bool> Completed(bool result)
    {
        var done = new TaskCompletionSource<bool>();
        RaceSession.Active?.Link(done.Task, ChannelShadow.NoEdge);
        done.SetResult(result);
        return done.Task;
    }

    /// <summary>Completes when <paramref name="handle"/> is set, after <paramref name="milliseconds"/>, or on cancellation.</summary>
    private static Task Available(WaitHandle handle, int milliseconds, CancellationToken cancellationToken)
    {
        var signalled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        RegisteredWaitHandle registration = ThreadPool.UnsafeRegisterWaitForSingleObject(
            handle, static (state, _) => ((TaskCompletionSource)state!).TrySetResult(), signalled, milliseconds, executeOnlyOnce: true);
        CancellationTokenRegistration cancellation = cancellationToken.UnsafeRegister(static state => ((TaskCompletionSource)state!).TrySetResult(), signalled);
        return signalled.Task.ContinueWith(
            _ =>
            {
                registration.Unregister(null);
                cancellation.Dispose();
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private static int Milliseconds(TimeSpan timeout)
    {
        long milliseconds = (long)timeout.TotalMilliseconds;
        ArgumentOutOfRangeException.ThrowIfLessThan(milliseconds, Timeout.Infinite, nameof(timeout));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(milliseconds, int.MaxValue, nameof(timeout));
        return (int)milliseconds;
    }
}
