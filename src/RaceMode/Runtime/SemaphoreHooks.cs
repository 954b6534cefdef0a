using System.ComponentModel;

namespace ActorConcurrency.RaceMode.Runtime;

/// <summary>
/// <c>SemaphoreSlim</c> by Go's channel-as-semaphore rule: a <c>Release</c> happens before the waits it lets through.
/// A wait acquires the releases made before it was let through; it releases nothing, so two holders of a count-2
/// semaphore are not ordered with each other. A wait that times out acquires nothing; <c>WaitAsync</c>'s task acquires
/// the semaphore when it is awaited.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class SemaphoreHooks
{
    public static void Wait(SemaphoreSlim semaphore)
    {
        semaphore.Wait();
        SyncHooks.Acquire(semaphore);
    }

    public static void Wait(SemaphoreSlim semaphore, CancellationToken cancellationToken)
    {
        semaphore.Wait(cancellationToken);
        SyncHooks.Acquire(semaphore);
    }

    public static bool Wait(SemaphoreSlim semaphore, int millisecondsTimeout) => Entered(semaphore, semaphore.Wait(millisecondsTimeout));

    public static bool Wait(SemaphoreSlim semaphore, TimeSpan timeout) => Entered(semaphore, semaphore.Wait(timeout));

    public static bool Wait(SemaphoreSlim semaphore, int millisecondsTimeout, CancellationToken cancellationToken) =>
        Entered(semaphore, semaphore.Wait(millisecondsTimeout, cancellationToken));

    public static bool Wait(SemaphoreSlim semaphore, TimeSpan timeout, CancellationToken cancellationToken) =>
        Entered(semaphore, semaphore.Wait(timeout, cancellationToken));

    public static Task WaitAsync(SemaphoreSlim semaphore) => Linked(semaphore, semaphore.WaitAsync());

    public static Task WaitAsync(SemaphoreSlim semaphore, CancellationToken cancellationToken) => Linked(semaphore, semaphore.WaitAsync(cancellationToken));

    public static Task<bool> WaitAsync(SemaphoreSlim semaphore, int millisecondsTimeout) => Linked(semaphore, semaphore.WaitAsync(millisecondsTimeout));

    public static Task<bool> WaitAsync(SemaphoreSlim semaphore, TimeSpan timeout) => Linked(semaphore, semaphore.WaitAsync(timeout));

    public static Task<bool> WaitAsync(SemaphoreSlim semaphore, int millisecondsTimeout, CancellationToken cancellationToken) =>
        Linked(semaphore, semaphore.WaitAsync(millisecondsTimeout, cancellationToken));

    public static Task<bool> WaitAsync(SemaphoreSlim semaphore, TimeSpan timeout, CancellationToken cancellationToken) =>
        Linked(semaphore, semaphore.WaitAsync(timeout, cancellationToken));

    public static int Release(SemaphoreSlim semaphore)
    {
        SyncHooks.Release(semaphore);
        return semaphore.Release();
    }

    public static int Release(SemaphoreSlim semaphore, int releaseCount)
    {
        SyncHooks.Release(semaphore);
        return semaphore.Release(releaseCount);
    }

    private static bool Entered(SemaphoreSlim semaphore, bool entered)
    {
        if (entered)
        {
            SyncHooks.Acquire(semaphore);
        }

        return entered;
    }

    /// <summary>
    /// Awaiting the task (or waiting for it) acquires the semaphore: it completes once a count was let through. A task
    /// that completed at once may be one the framework caches and hands to every caller, so it is not linked: the
    /// caller acquires now, on its own thread.
    /// </summary>
    private static T Linked<T>(SemaphoreSlim semaphore, T task)
        where T : Task
    {
        if (task.IsCompletedSuccessfully)
        {
            if (task is not Task<bool> { Result: false })
            {
                SyncHooks.Acquire(semaphore);
            }
        }
        else if (RaceSession.Active is { } session)
        {
            session.Link(task, session.Canonical(semaphore));
        }

        return task;
    }
}
