namespace ActorConcurrency.SharedState.Singleflight;

/// <summary>
/// Task 17: duplicate-call suppression. While a flight for a key is running, every other caller for that
/// key waits for its result instead of starting its own compute.
/// </summary>
/// <remarks>
/// How a flight's outcome reaches its waiters, the same in every form (and in the actor's <c>DoAsync</c>):
/// <list type="bullet">
/// <item>The compute returns a value: every waiter's task completes with it.</item>
/// <item>The compute throws, or returns a faulted task: every waiter's task is faulted with that one exception
/// (the same instance for all of them).</item>
/// <item>The compute throws an <see cref="OperationCanceledException"/>, or returns a canceled task: every
/// waiter's task is <em>canceled</em> (<see cref="Task.IsCanceled"/>), and awaiting it throws that one
/// exception, the compute's own instance with its <see cref="OperationCanceledException.CancellationToken"/>
/// (for a task canceled without an exception object, the one <see cref="TaskCanceledException"/> the flight
/// observed, carrying the task's token).</item>
/// <item>The compute returns null instead of a task: every waiter's task is faulted with one
/// <see cref="InvalidOperationException"/> (<see cref="SingleflightCompute.NullTaskMessage"/>).</item>
/// </list>
/// None of them is cached: the key is forgotten when the flight ends, so the next call computes again.
/// </remarks>
public interface ISingleflight<TKey, TValue>
    where TKey : notnull
{
    /// <summary>
    /// Returns the value of the flight for <paramref name="key"/>: joins the one in progress, or starts one
    /// that runs <paramref name="compute"/>. Joining is synchronous: once this method has returned its task,
    /// the caller is registered with the flight.
    /// </summary>
    /// <param name="key">The key; not null.</param>
    /// <param name="compute">Runs once per flight, and only in the caller that starts the flight.</param>
    /// <param name="cancellationToken">Stops this caller's wait only; the flight and its other waiters go on.</param>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> or <paramref name="compute"/> is null.</exception>
    Task<SingleflightResult<TValue>> DoAsync(TKey key, Func<Task<TValue>> compute, CancellationToken cancellationToken = default);

    /// <summary>
    /// Forgets the flight in progress for <paramref name="key"/>, if any: the next call starts a fresh
    /// flight, while the callers already waiting still get the old flight's result.
    /// </summary>
    /// <returns>Whether a flight was in progress for the key.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    bool Forget(TKey key);

    /// <summary>
    /// Go's internal <c>ForgetUnshared</c>: forgets the flight in progress for <paramref name="key"/> only when
    /// no other caller has joined it, atomically with respect to joining. When it returns true, no caller is
    /// waiting on that flight but its leader, and the next call starts a fresh flight; when it returns false,
    /// the flight stays and keeps collecting joiners.
    /// </summary>
    /// <returns>True when the key was forgotten or had no flight in progress; false when others wait on its flight.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    bool ForgetUnshared(TKey key);
}
