using System.Diagnostics;

namespace ActorConcurrency.SharedState.Singleflight;

/// <summary>
/// Task 17, shared-memory form: Go's <c>singleflight.Group</c> with a <see cref="Lock"/>, a
/// <see cref="Dictionary{TKey,TValue}"/> of flights and one <see cref="TaskCompletionSource{TResult}"/> per
/// flight. The lock guards only the dictionary (who leads, who joins, who is forgotten); the compute runs
/// outside it and the flight's result is published by completing the source, also outside the lock, so no
/// waiter's continuation ever runs while the lock is held.
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
        }

        if (leader)
        {
            // Started outside the lock: compute is user code and may take its time before its first await.
            _ = RunFlightAsync(key, flight, compute);
        }

        return WaitAsync(flight, shared: !leader, cancellationToken);
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

    private static async Task<SingleflightResult<TValue>> WaitAsync(Flight flight, bool shared, CancellationToken cancellationToken)
    {
        // WaitAsync abandons this caller's wait only; the source, and so every other waiter, is untouched.
        TValue value = await flight.Completion.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new SingleflightResult<TValue>(value, shared);
    }

    private async Task RunFlightAsync(TKey key, Flight flight, Func<Task<TValue>> compute)
    {
        TValue value = default!;
        Exception? error = null;
        try
        {
            value = await compute().ConfigureAwait(false);
        }
        catch (Exception e)
        {
            // Synchronous throws, faulted and cancelled tasks all end the flight the same way: every waiter
            // of this flight sees this one exception. Nothing is cached: the key is forgotten below.
            error = e;
        }

        lock (_lock)
        {
            // Forget may have removed this flight and a new caller may have started another for the same key:
            // only remove the entry if it is still ours, or the newer flight would lose its joiners.
            if (_flights.TryGetValue(key, out Flight? current) && ReferenceEquals(current, flight))
            {
                _flights.Remove(key);
            }
        }

        // The key is forgotten before the result is published, so a waiter that wakes up and calls again
        // starts a fresh flight instead of joining this finished one.
        Debug.Assert(!flight.Completion.Task.IsCompleted, "only the flight's leader completes it, once");
        if (error is null)
        {
            flight.Completion.SetResult(value);
        }
        else if (error is OperationCanceledException canceled)
        {
            flight.Completion.SetCanceled(canceled.CancellationToken);
        }
        else
        {
            flight.Completion.SetException(error);
        }
    }

    /// <summary>One flight: the source its waiters await. Continuations run asynchronously, never inline on the leader.</summary>
    private sealed class Flight
    {
        public TaskCompletionSource<TValue> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
