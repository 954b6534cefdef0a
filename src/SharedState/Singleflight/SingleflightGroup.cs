using System.Diagnostics;

namespace ActorConcurrency.SharedState.Singleflight;

/// <summary>
/// Task 17, shared-memory form: Go's <c>singleflight.Group</c> with a <see cref="Lock"/>, a
/// <see cref="Dictionary{TKey,TValue}"/> of flights and one <see cref="TaskCompletionSource{TResult}"/> per
/// flight. The lock guards only the dictionary and each flight's count of joiners (who leads, who joins, who
/// is forgotten); the compute runs outside it and the flight's outcome is published by completing the source,
/// also outside the lock, so no waiter's continuation ever runs while the lock is held.
/// </summary>
public sealed class SingleflightGroup<TKey, TValue> : ISingleflight<TKey, TValue>
    where TKey : notnull
{
    private readonly Lock _lock = new();

    /// <summary>The flight in progress per key. Read and written only under <see cref="_lock"/>.</summary>
    private readonly Dictionary<TKey, Flight> _flights;

    /// <summary>Creates an empty group.</summary>
    /// <param name="comparer">Compares keys; the default comparer when null.</param>
    public SingleflightGroup(IEqualityComparer<TKey>? comparer = null) => _flights = new Dictionary<TKey, Flight>(comparer);

    /// <summary>How many keys have a flight in progress (a snapshot; for demonstrations and diagnostics).</summary>
    public int InFlight
    {
        get
        {
            lock (_lock)
            {
                return _flights.Count;
            }
        }
    }

    /// <inheritdoc />
    public Task<SingleflightResult<TValue>> DoAsync(TKey key, Func<Task<TValue>> compute, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(compute);

        Flight flight;
        bool leader;
        lock (_lock)
        {
            leader = !_flights.TryGetValue(key, out flight!);
            if (leader)
            {
                flight = new Flight();
                _flights.Add(key, flight);
            }
            else
            {
                flight.Joiners++;
            }
        }

        if (leader)
        {
            // Started outside the lock: compute is user code and may take its time before its first await.
            _ = RunFlightAsync(key, flight, compute);
        }

        return WaitAsync(flight, leader, cancellationToken);
    }

    /// <inheritdoc />
    public bool Forget(TKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        lock (_lock)
        {
            // The forgotten flight keeps running and still completes its waiters; RunFlightAsync will see that
            // the key no longer maps to it and leave alone whatever flight has taken its place.
            return _flights.Remove(key);
        }
    }

    /// <inheritdoc />
    public bool ForgetUnshared(TKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        lock (_lock)
        {
            // Joining also happens under this lock, so "nobody joined" cannot change between the check and the removal.
            if (!_flights.TryGetValue(key, out Flight? flight))
            {
                return true;
            }

            if (flight.Joiners > 0)
            {
                return false;
            }

            _flights.Remove(key);
            return true;
        }
    }

    private static async Task<SingleflightResult<TValue>> WaitAsync(Flight flight, bool leader, CancellationToken cancellationToken)
    {
        // WaitAsync abandons this caller's wait only; the source, and so every other waiter, is untouched.
        Outcome outcome = await flight.Completion.Task.WaitAsync(cancellationToken).ConfigureAwait(false);

        // The outcome task has completed: awaiting it returns its value, or rethrows its one exception, and an
        // OperationCanceledException rethrown here makes this method's task canceled, not faulted.
        TValue value = await outcome.Computed.ConfigureAwait(false);
        return new SingleflightResult<TValue>(value, !leader || outcome.Shared);
    }

    /// <summary>
    /// Awaits the compute inside an async method, so that every way it can end becomes this one task: a
    /// synchronous throw or a faulted task → faulted with that exception; an <see cref="OperationCanceledException"/>
    /// or a canceled task → canceled, keeping that exception (the async builder stores it with the cancellation).
    /// </summary>
    private static async Task<TValue> ObserveAsync(Func<Task<TValue>> compute) => await SingleflightCompute.Start(compute).ConfigureAwait(false);

    private async Task RunFlightAsync(TKey key, Flight flight, Func<Task<TValue>> compute)
    {
        Task<TValue> computed = ObserveAsync(compute);
        await ((Task)computed).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);

        bool shared;
        lock (_lock)
        {
            // Forget may have removed this flight and a new caller may have started another for the same key:
            // only remove the entry if it is still ours, or the newer flight would lose its joiners.
            if (_flights.TryGetValue(key, out Flight? current) && ReferenceEquals(current, flight))
            {
                _flights.Remove(key);
            }

            // No caller can join any more (the flight is in no dictionary), so the count is final.
            shared = flight.Joiners > 0;
        }

        // The key is forgotten before the outcome is published, so a waiter that wakes up and calls again
        // starts a fresh flight instead of joining this finished one.
        Debug.Assert(!flight.Completion.Task.IsCompleted, "only the flight's leader completes it, once");
        flight.Completion.SetResult(new Outcome(computed, shared));
    }

    /// <summary>How a flight ended: the completed compute task (value, exception or cancellation) and Go's leader <c>shared</c>.</summary>
    private readonly record struct Outcome(Task<TValue> Computed, bool Shared);

    /// <summary>One flight: the source its waiters await. Continuations run asynchronously, never inline on the leader.</summary>
    private sealed class Flight
    {
        public TaskCompletionSource<Outcome> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>How many callers joined (besides the leader). Read and written only under the group's lock.</summary>
        public int Joiners { get; set; }
    }
}
