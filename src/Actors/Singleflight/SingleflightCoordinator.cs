using System.Diagnostics;
using Akka.Actor;

namespace ActorConcurrency.Actors.Singleflight;

/// <summary>
/// Task 17, actor form: the flights are owned by one actor. Who leads and who joins is decided by the
/// order of the mailbox, so there is no lock; the compute runs on the thread pool and its outcome is piped
/// back to the coordinator as a message, so the mailbox is never blocked by a slow compute. When the flight
/// ends the coordinator fans the result out to every waiting sender, or a <see cref="Status.Failure"/> with
/// the compute's exception to every waiter when it threw. A waiter that went away (an <c>Ask</c> that was
/// cancelled or timed out) costs one dead letter; the others are unaffected.
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
        Receive<FlightSucceeded>(done => Complete(done.Key, done.FlightId, waiter => new SingleflightProtocol.Result<TKey, TValue>(done.Key, done.Value, waiter.Shared)));
        Receive<FlightFailed>(done => Complete(done.Key, done.FlightId, _ => new Status.Failure(done.Error)));
        Receive<SingleflightProtocol.Forget<TKey>>(forget =>
            Sender.Tell(new SingleflightProtocol.Forgotten<TKey>(forget.Key, _current.Remove(forget.Key))));
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
            _flights[joined].Waiters.Add(new Waiter(Sender, Shared: true));
            return;
        }

        long id = ++_nextFlightId;
        var flight = new Flight();
        flight.Waiters.Add(new Waiter(Sender, Shared: false));
        _flights.Add(id, flight);
        _current.Add(request.Key, id);

        // Task.Run: not even the compute's synchronous prefix runs on the coordinator's thread. The outcome
        // comes back as a message, tagged with the flight id, and is handled like any other message.
        TKey key = request.Key;
        Task.Run(request.Compute).PipeTo(
            Self,
            success: value => new FlightSucceeded(key, id, value),
            failure: error => new FlightFailed(key, id, error is AggregateException { InnerExceptions.Count: 1 } single ? single.InnerException! : error));
    }

    private void Complete(TKey key, long flightId, Func<Waiter, object> reply)
    {
        bool known = _flights.Remove(flightId, out Flight? flight);
        Debug.Assert(known && flight is not null, "each flight's outcome is piped back exactly once");

        // Forget the key before replying (only if the key still maps to this flight, and not to a newer one
        // started after a Forget), so a waiter that asks again starts a fresh flight.
        if (_current.TryGetValue(key, out long current) && current == flightId)
        {
            _current.Remove(key);
        }

        foreach (Waiter waiter in flight!.Waiters)
        {
            waiter.Sender.Tell(reply(waiter));
        }
    }

    /// <summary>One waiting sender and whether it joined (true) or started (false) the flight.</summary>
    private readonly record struct Waiter(IActorRef Sender, bool Shared);

    /// <summary>A flight in progress: the senders waiting for its outcome, in arrival order.</summary>
    private sealed class Flight
    {
        public List<Waiter> Waiters { get; } = [];
    }

    /// <summary>Piped back by a flight whose compute returned.</summary>
    private sealed record FlightSucceeded(TKey Key, long FlightId, TValue Value);

    /// <summary>Piped back by a flight whose compute threw or was cancelled.</summary>
    private sealed record FlightFailed(TKey Key, long FlightId, Exception Error);
}
