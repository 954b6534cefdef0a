using System.Runtime.CompilerServices;

namespace ActorConcurrency.RaceMode.Runtime;

/// <summary>
/// The happens-before state of one <c>SemaphoreSlim</c>, by Go's rule for a channel used as a semaphore (the k-th
/// release happens before the (k+C)-th successful wait, C the count the semaphore started with): its counts are
/// tokens in a queue, an initial one carrying no clock and a released one carrying the releaser's. A successful wait
/// takes the oldest token and acquires it. Every grant from a rewritten caller is a non-blocking <c>Wait(0)</c> under
/// <see cref="_gate"/>, and every release puts its tokens under it, so the tokens are taken in the order the counts
/// really were: a wait that had to wait for a release takes that release's token (or a later one), and two holders of a
/// count-2 semaphore that took its initial counts are not ordered with each other, whatever the schedule.
/// <para>
/// An unnamed kernel <c>Semaphore</c> made by rewritten code follows the same rule: a release puts its tokens under the
/// gate right after the real release, and a wait that succeeded takes one under it (<see cref="TakeAfterWait"/>), so
/// there is always a token to take: counts are interchangeable, and each token a wait takes was put by a release that
/// really happened (or was there from the start). A kernel semaphore race mode did not see made (a named one other
/// processes share, one made by a library) has no shadow: a wait on it acquires every release of it so far.
/// </para>
/// </summary>
internal sealed class SemaphoreShadow
{
    private static readonly ConditionalWeakTable<SemaphoreSlim, SemaphoreShadow> s_shadows = new();
    private static readonly ConditionalWeakTable<Semaphore, SemaphoreShadow> s_kernelShadows = new();

    private readonly Lock _gate = new();
    private readonly Queue<object?> _tokens = new();

    private SemaphoreShadow(int initial)
    {
        for (int i = 0; i < initial; i++)
        {
            _tokens.Enqueue(null);
        }
    }

    /// <summary>The shadow of <paramref name="semaphore"/>; the counts it has when race mode first sees it carry no clock.</summary>
    public static SemaphoreShadow Of(SemaphoreSlim semaphore) => s_shadows.GetValue(semaphore, static s => new SemaphoreShadow(s.CurrentCount));

    /// <summary>Takes one count if there is one; returns its token (null: an initial count, nothing to acquire).</summary>
    public bool TryTake(SemaphoreSlim semaphore, out object? token)
    {
        lock (_gate)
        {
            if (!semaphore.Wait(0))
            {
                token = null;
                return false;
            }

            // A count the shadow never saw put (released by code race mode did not rewrite) carries no clock.
            token = _tokens.Count > 0 ? _tokens.Dequeue() : null;
            return true;
        }
    }

    /// <summary>Starts the shadow of a kernel semaphore made with <paramref name="initialCount"/> counts.</summary>
    public static Semaphore Track(Semaphore semaphore, int initialCount)
    {
        s_kernelShadows.AddOrUpdate(semaphore, new SemaphoreShadow(initialCount));
        return semaphore;
    }

    /// <summary>The shadow of <paramref name="handle"/>, if it is a kernel semaphore race mode saw made.</summary>
    public static SemaphoreShadow? Of(WaitHandle handle) =>
        handle is Semaphore semaphore && s_kernelShadows.TryGetValue(semaphore, out SemaphoreShadow? shadow) ? shadow : null;

    /// <summary>Releases <paramref name="count"/> counts, each carrying the clock <paramref name="released"/> holds.</summary>
    public int Release(SemaphoreSlim semaphore, int count, object released) => Put(() => semaphore.Release(count), count, released);

    /// <summary>The same for a kernel semaphore.</summary>
    public int Release(Semaphore semaphore, int count, object released) => Put(() => semaphore.Release(count), count, released);

    /// <summary>After a wait on a kernel semaphore that took a count: the oldest token (null: an initial count, or one never seen put).</summary>
    public object? TakeAfterWait()
    {
        lock (_gate)
        {
            return _tokens.Count > 0 ? _tokens.Dequeue() : null;
        }
    }

    private int Put(Func<int> release, int count, object released)
    {
        lock (_gate)
        {
            int previous = release();
            for (int i = 0; i < count; i++)
            {
                _tokens.Enqueue(released);
            }

            return previous;
        }
    }
}
