using System.Diagnostics;
using Akka.Actor;

namespace ActorConcurrency.Actors.Singleflight;

/// <summary>
/// Task 17, actor form: the flights are owned by one actor. Who leads and who joins is decided by the
/// order of the mailbox, so there is no lock; the compute runs on the thread pool and its outcome is sent
/// back to the coordinator as a message, so the mailbox is never blocked by a slow compute. When the flight
/// ends the coordinator fans the outcome out to every waiting sender: a <see cref="SingleflightProtocol.Result{TKey,TValue}"/>,
/// or a <see cref="Status.Failure"/> carrying the compute's own exception (an <see cref="OperationCanceledException"/>
/// when it was canceled, which <see cref="SingleflightAsk.DoAsync{TKey,TValue}"/> turns into a canceled task). A
/// waiter that went away (an <c>Ask</c> that was cancelled or timed out) costs one dead letter; the others are unaffected.
/// </summary>
public sealed class SingleflightCoordinator<TKey, TValue> : ReceiveActor
    where TKey : notnull
{
    /// <summary>Every flight not yet completed, by id, including forgotten ones (their waiters still need the result).</summary>
    private readonly Dictionary<long, Flight> _flights = [];

    /// <summary>The id of the flight a new request for a key joins. A forgotten flight is no longer here.</summary>
    private readonly Dictionary<TKey, long> _current;

    private long _nextFlightId;

    /// <summary>Creates the coordinator's behaviour.</summary>
    public SingleflightCoordinator(IEqualityComparer<TKey>? comparer = null)
    {
        _current = new Dictionary<TKey, long>(comparer);
        Receive<SingleflightProtocol.Do<TKey, TValue>>(Handle);
        Receive<FlightSucceeded>(done => Complete(done.Key, done.FlightId, done.Value));
        Receive<FlightFailed>(done => Fail(done.Key, done.FlightId, new Status.Failure(done.Error)));
        Receive<SingleflightProtocol.Forget<TKey>>(forget =>
            Sender.Tell(new SingleflightProtocol.Forgotten<TKey>(forget.Key, _current.Remove(forget.Key))));
        Receive<SingleflightProtocol.ForgetUnshared<TKey>>(forget => Sender.Tell(new SingleflightProtocol.UnsharedForgotten<TKey>(forget.Key, ForgetUnshared(forget.Key))));
        Receive<SingleflightProtocol.GetWaiterCount<TKey>>(query =>
            Sender.Tell(new SingleflightProtocol.WaiterCount<TKey>(
                query.Key, _current.TryGetValue(query.Key, out long id) ? _flights[id].Waiters.Count : 0)));
    }

    /// <summary>The props to spawn a coordinator.</summary>
    public static Props Props(IEqualityComparer<TKey>? comparer = null) =>
        Akka.Actor.Props.Create(() => new SingleflightCoordinator<TKey, TValue>(comparer));

    /// <summary>Fails every waiter still waiting, so none of them waits for an answer that will never come.</summary>
    protected override void PostStop()
    {
        var stopped = new Status.Failure(new SingleflightProtocol.CoordinatorStoppedException());
        foreach (Flight flight in _flights.Values)
        {
            foreach (Waiter waiter in flight.Waiters)
            {
                waiter.Sender.Tell(stopped);
            }
        }

        _flights.Clear();
        _current.Clear();
        base.PostStop();
    }

    private void Handle(SingleflightProtocol.Do<TKey, TValue> request)
    {
        if (_current.TryGetValue(request.Key, out long joined))
        {
            _flights[joined].Waiters.Add(new Waiter(Sender, Joined: true));
            return;
        }

        long id = ++_nextFlightId;
        var flight = new Flight();
        flight.Waiters.Add(new Waiter(Sender, Joined: false));
        _flights.Add(id, flight);
        _current.Add(request.Key, id);

        _ = RunFlightAsync(Self, request.Key, id, request.Compute);
    }

    /// <summary>
    /// Runs the compute on the thread pool (not even its synchronous prefix runs on the coordinator's thread)
    /// and sends its outcome back, tagged with the flight id, to be handled like any other message. Awaiting
    /// <see cref="Task.Run(Func{Task})"/>'s proxy rethrows the compute's own exception: for a canceled compute,
    /// its <see cref="OperationCanceledException"/> (or the one <see cref="TaskCanceledException"/> observed here).
    /// </summary>
    private static async Task RunFlightAsync(IActorRef self, TKey key, long id, Func<Task<TValue>> compute)
    {
        object outcome;
        try
        {
            outcome = new FlightSucceeded(key, id, await Task.Run(compute).ConfigureAwait(false));
        }
        catch (Exception e)
        {
            outcome = new FlightFailed(key, id, e);
        }

        self.Tell(outcome);
    }

    private bool ForgetUnshared(TKey key)
    {
        if (!_current.TryGetValue(key, out long id))
        {
            return true;
        }

        if (_flights[id].Waiters.Count > 1)
        {
            return false;
        }

        _current.Remove(key);
        return true;
    }

    private void Complete(TKey key, long flightId, TValue value)
    {
        Flight flight = End(key, flightId);

        // Go's shared: the joiners always, the leader when anybody joined (the count is final: the flight has ended).
        bool leaderShared = flight.Waiters.Count > 1;
        for (int i = 0; i < flight.Waiters.Count; i++)
        {
            Waiter waiter = flight.Waiters[i];
            waiter.Sender.Tell(new SingleflightProtocol.Result<TKey, TValue>(key, value, waiter.Joined || leaderShared));
        }
    }

    private void Fail(TKey key, long flightId, Status.Failure failure)
    {
        foreach (Waiter waiter in End(key, flightId).Waiters)
        {
            waiter.Sender.Tell(failure);
        }
    }

    private Flight End(TKey key, long flightId)
    {
        bool known = _flights.Remove(flightId, out Flight? flight);
        Debug.Assert(known && flight is not null, "each flight's outcome is sent back exactly once");

        // Forget the key before replying (only if the key still maps to this flight, and not to a newer one
        // started after a Forget), so a waiter that asks again starts a fresh flight.
        if (_current.TryGetValue(key, out long current) && current == flightId)
        {
            _current.Remove(key);
        }

        return flight!;
    }

    /// <summary>One waiting sender and whether it joined (true) or started (false) the flight.</summary>
    private readonly record struct Waiter(IActorRef Sender, bool Joined);

    /// <summary>A flight in progress: the senders waiting for its outcome, in arrival order.</summary>
    private sealed class Flight
    {
        public List<Waiter> Waiters { get; } = [];
    }

    /// <summary>Sent back by a flight whose compute returned.</summary>
    private sealed record FlightSucceeded(TKey Key, long FlightId, TValue Value);

    /// <summary>Sent back by a flight whose compute threw, faulted or was canceled: <see cref="Error"/> is its own exception.</summary>
    private sealed record FlightFailed(TKey Key, long FlightId, Exception Error);
}
