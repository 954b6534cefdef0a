using System.Runtime.CompilerServices;

namespace ActorConcurrency.RaceMode.Runtime;

/// <summary>
/// The happens-before state of one unnamed kernel <c>Semaphore</c> made by rewritten code, by the rule
/// <see cref="SemaphoreShadow"/> follows for <c>SemaphoreSlim</c> (Go's channel used as a semaphore): its counts are
/// tokens in a queue, an initial one carrying no clock and a released one carrying the releaser's, and a successful
/// wait takes the oldest token. A release puts its tokens under <see cref="_gate"/> right after the real release, and a
/// wait that succeeded takes one under it, so there is always a token to take: counts are interchangeable, and each
/// token a wait takes was put by a release that really happened (or was there from the start). A semaphore race mode
/// did not see made (a named one other processes share, one made by a library) has no shadow: a wait on it acquires
/// every release of it so far.
/// </summary>
internal sealed class KernelSemaphoreShadow
{
    private static readonly ConditionalWeakTable<Semaphore, KernelSemaphoreShadow> s_shadows = new();

    private readonly Lock _gate = new();
    private readonly Queue<object?> _tokens = new();

    private KernelSemaphoreShadow(int initial)
    {
        for (int i = 0; i < initial; i++)
        {
            _tokens.Enqueue(null);
        }
    }

    /// <summary>Starts the shadow of a semaphore made with <paramref name="initialCount"/> counts.</summary>
    public static Semaphore Track(Semaphore semaphore, int initialCount)
    {
        s_shadows.AddOrUpdate(semaphore, new KernelSemaphoreShadow(initialCount));
        return semaphore;
    }

    /// <summary>The shadow of <paramref name="handle"/>, if it is a semaphore race mode saw made.</summary>
    public static KernelSemaphoreShadow? Of(WaitHandle handle) =>
        handle is Semaphore semaphore && s_shadows.TryGetValue(semaphore, out KernelSemaphoreShadow? shadow) ? shadow : null;

    /// <summary>Releases <paramref name="count"/> counts, each carrying the clock <paramref name="released"/> holds.</summary>
    public int Release(Semaphore semaphore, int count, object released)
    {
        lock (_gate)
        {
            int previous = semaphore.Release(count);
            for (int i = 0; i < count; i++)
            {
                _tokens.Enqueue(released);
            }

            return previous;
        }
    }

    /// <summary>After a wait that took a count: the oldest token (null: an initial count, or one the shadow never saw put).</summary>
    public object? Take()
    {
        lock (_gate)
        {
            return _tokens.Count > 0 ? _tokens.Dequeue() : null;
        }
    }
}
