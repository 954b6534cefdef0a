using System.Collections.Concurrent;

namespace ActorConcurrency.SharedState.Singleflight;

/// <summary>
/// Task 17, the .NET idiom for comparison: <c>ConcurrentDictionary&lt;TKey, Lazy&lt;Task&lt;TValue&gt;&gt;&gt;</c>,
/// each <see cref="Lazy{T}"/> wrapped with a count of its joiners so the leader can report Go's
/// <c>shared</c> and <see cref="ForgetUnshared"/> can work without a lock.
/// <see cref="ConcurrentDictionary{TKey,TValue}.GetOrAdd(TKey,TValue)"/> may let several callers create a
/// flight, but only one is stored and only the stored one's <c>Value</c> is ever read, so the compute runs
/// once per flight. The idiom's traps, each handled here and described in docs/singleflight.md:
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
    private readonly ConcurrentDictionary<TKey, Flight> _flights;

    /// <summary>Creates an empty idiom instance.</summary>
    /// <param name="comparer">Compares keys; the default comparer when null.</param>
    public LazySingleflight(IEqualityComparer<TKey>? comparer = null) => _flights = new ConcurrentDictionary<TKey, Flight>(comparer);

    /// <inheritdoc />
    public Task<SingleflightResult<TValue>> DoAsync(TKey key, Func<Task<TValue>> compute, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(compute);

        var mine = new Flight();
        mine.Run = new Lazy<Task<TValue>>(() => RunFlightAsync(key, mine, compute), LazyThreadSafetyMode.ExecutionAndPublication);
        while (true)
        {
            Flight flight = _flights.GetOrAdd(key, mine);
            if (ReferenceEquals(flight, mine))
            {
                // Whoever reads Value first runs the compute (ExecutionAndPublication: once); every caller reads it.
                return WaitAsync(mine, leader: true, cancellationToken);
            }

            if (flight.TryJoin())
            {
                return WaitAsync(flight, leader: false, cancellationToken);
            }

            // The stored flight is closed (it ended, or ForgetUnshared took it) but may still be in the
            // dictionary for a moment: take its place, or retry if someone else already did.
            if (_flights.TryUpdate(key, mine, flight))
            {
                return WaitAsync(mine, leader: true, cancellationToken);
            }
        }
    }

    /// <inheritdoc />
    public bool Forget(TKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return _flights.TryRemove(key, out _);
    }

    /// <inheritdoc />
    public bool ForgetUnshared(TKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!_flights.TryGetValue(key, out Flight? flight))
        {
            return true;
        }

        // Closing with no joiner is one compare-and-swap against TryJoin's: either a joiner got in first (and
        // the flight stays), or nobody can join it any more. The value-compared removal then only removes it.
        if (!flight.TryCloseUnshared())
        {
            return false;
        }

        _flights.TryRemove(new KeyValuePair<TKey, Flight>(key, flight));
        return true;
    }

    private static async Task<SingleflightResult<TValue>> WaitAsync(Flight flight, bool leader, CancellationToken cancellationToken)
    {
        // An OperationCanceledException rethrown here (the compute's own) makes this task canceled, not faulted.
        TValue value = await flight.Run.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new SingleflightResult<TValue>(value, !leader || flight.Shared);
    }

    private async Task<TValue> RunFlightAsync(TKey key, Flight self, Func<Task<TValue>> compute)
    {
        try
        {
            return await SingleflightCompute.Start(compute).ConfigureAwait(false);
        }
        finally
        {
            // Close first (no joiner after this, so the leader's Shared is final), then remove our own entry
            // only (value comparison: after Forget, a newer flight may hold the key). Both run before the
            // returned task completes, so no waiter sees the result while the entry is still there.
            self.Close();
            _flights.TryRemove(new KeyValuePair<TKey, Flight>(key, self));
        }
    }

    /// <summary>
    /// One flight: its lazily started compute and its joiner count. <see cref="_state"/> holds the joiners in
    /// its low 31 bits and a closed flag in its sign bit; joining and closing are compare-and-swaps on it.
    /// </summary>
    private sealed class Flight
    {
        private const int Closed = int.MinValue;

        private int _state;

        /// <summary>Written once by <see cref="Close"/>, before the flight's task completes; read after it.</summary>
        private bool _shared;

        public Lazy<Task<TValue>> Run { get; set; } = null!;

        /// <summary>Whether anybody joined; final once the flight's task has completed.</summary>
        public bool Shared => _shared;

        public bool TryJoin()
        {
            int state = Volatile.Read(ref _state);
            while (state >= 0)
            {
                int seen = Interlocked.CompareExchange(ref _state, state + 1, state);
                if (seen == state)
                {
                    return true;
                }

                state = seen;
            }

            return false;
        }

        public bool TryCloseUnshared() => Interlocked.CompareExchange(ref _state, Closed, 0) == 0;

        public void Close() => _shared = (Interlocked.Or(ref _state, Closed) & ~Closed) > 0;
    }
}
