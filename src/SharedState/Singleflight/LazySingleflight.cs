using System.Collections.Concurrent;

namespace ActorConcurrency.SharedState.Singleflight;

/// <summary>
/// Task 17, the .NET idiom for comparison: <c>ConcurrentDictionary&lt;TKey, Lazy&lt;Task&lt;TValue&gt;&gt;&gt;</c>.
/// <see cref="ConcurrentDictionary{TKey,TValue}.GetOrAdd(TKey,TValue)"/> may let several callers create a
/// <see cref="Lazy{T}"/>, but only one is stored and only the stored one's <c>Value</c> is ever read, so the
/// compute runs once per flight. The idiom's traps, each handled here and described in docs/singleflight.md:
/// <list type="bullet">
/// <item>Nothing removes the entry by itself: without a removal, the first result (or the first exception)
/// is cached for ever. The flight removes its own entry when its compute ends.</item>
/// <item>Removal must compare the value (<see cref="ConcurrentDictionary{TKey,TValue}.TryRemove(KeyValuePair{TKey,TValue})"/>),
/// or a finished flight removes the newer flight that replaced it after a <see cref="Forget"/>.</item>
/// <item>Removal in a continuation of the task runs after waiters may already have seen the result, so a
/// caller that calls again at once can join the finished flight; the removal here runs inside the flight's
/// own task, before its result is published.</item>
/// </list>
/// </summary>
public sealed class LazySingleflight<TKey, TValue> : ISingleflight<TKey, TValue>
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, Lazy<Task<TValue>>> _flights;

    /// <summary>Creates an empty idiom instance.</summary>
    /// <param name="comparer">Compares keys; the default comparer when null.</param>
    public LazySingleflight(IEqualityComparer<TKey>? comparer = null) => _flights = new ConcurrentDictionary<TKey, Lazy<Task<TValue>>>(comparer);

    /// <inheritdoc />
    public Task<SingleflightResult<TValue>> DoAsync(TKey key, Func<Task<TValue>> compute, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(compute);

        Lazy<Task<TValue>> mine = null!;
        mine = new Lazy<Task<TValue>>(() => RunFlightAsync(key, mine, compute), LazyThreadSafetyMode.ExecutionAndPublication);
        Lazy<Task<TValue>> flight = _flights.GetOrAdd(key, mine);

        // Whoever reads Value first runs the compute (ExecutionAndPublication: once); every caller reads it.
        return WaitAsync(flight.Value, shared: !ReferenceEquals(flight, mine), cancellationToken);
    }

    /// <inheritdoc />
    public bool Forget(TKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return _flights.TryRemove(key, out _);
    }

    private static async Task<SingleflightResult<TValue>> WaitAsync(Task<TValue> flight, bool shared, CancellationToken cancellationToken) =>
        new(await flight.WaitAsync(cancellationToken).ConfigureAwait(false), shared);

    private async Task<TValue> RunFlightAsync(TKey key, Lazy<Task<TValue>> self, Func<Task<TValue>> compute)
    {
        try
        {
            return await compute().ConfigureAwait(false);
        }
        finally
        {
            // Remove our own entry only (value comparison): after Forget, a newer flight may hold the key.
            // Runs before the returned task completes, so no waiter sees the result while the entry is still there.
            _flights.TryRemove(new KeyValuePair<TKey, Lazy<Task<TValue>>>(key, self));
        }
    }
}
