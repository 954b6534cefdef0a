namespace ActorConcurrency.SharedState.Singleflight;

/// <summary>
/// Task 17: duplicate-call suppression. While a flight for a key is running, every other caller for that
/// key waits for its result instead of starting its own compute.
/// </summary>
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
}
