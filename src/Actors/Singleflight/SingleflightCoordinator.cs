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
/// <remarks>
/// The hot path allocates little: the <see cref="SingleflightFlight{TKey,TValue}"/> is at once the thread-pool
/// work item that runs the compute and the message that brings its outcome back, and one
/// <see cref="SingleflightProtocol.Result{TKey,TValue}"/> is shared by all waiters (Go's <c>shared</c> is the same for all
/// of them). An <see cref="UntypedActor"/> with a type switch, not a handler table.
/// </remarks>
public sealed class SingleflightCoordinator<TKey, TValue> : UntypedActor
    where TKey : notnull
{
    /// <summary>The flight a new request for a key joins. A forgotten flight is no longer here.</summary>
    private readonly Dictionary<TKey, SingleflightFlight<TKey, TValue>> _current;

    /// <summary>Forgotten flights still running: their waiters still need the outcome (and a failure if the coordinator stops).</summary>
    private readonly HashSet<SingleflightFlight<TKey, TValue>> _forgotten = new(ReferenceEqualityComparer.Instance);

    /// <summary>Creates the coordinator's behaviour.</summary>
    public SingleflightCoordinator(IEqualityComparer<TKey>? comparer = null) =>
        _current = new Dictionary<TKey, SingleflightFlight<TKey, TValue>>(comparer);

    /// <summary>The props to spawn a coordinator.</summary>
    public static Props Props(IEqualityComparer<TKey>? comparer = null) =>
        Akka.Actor.Props.Create(() => new SingleflightCoordinator<TKey, TValue>(comparer));

    /// <inheritdoc />
    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case SingleflightProtocol.Do<TKey, TValue> request:
                Handle(request);
                break;
            case SingleflightFlight<TKey, TValue> ended:
                End(ended);
                break;
            case SingleflightProtocol.Forget<TKey> forget:
                Sender.Tell(new SingleflightProtocol.Forgotten<TKey>(forget.Key, Forget(forget.Key)), Self);
                break;
            case SingleflightProtocol.ForgetUnshared<TKey> forget:
                Sender.Tell(new SingleflightProtocol.UnsharedForgotten<TKey>(forget.Key, ForgetUnshared(forget.Key)), Self);
                break;
            case SingleflightProtocol.GetWaiterCount<TKey> query:
                int count = _current.TryGetValue(query.Key, out SingleflightFlight<TKey, TValue>? flight) ? flight.WaiterCount : 0;
                Sender.Tell(new SingleflightProtocol.WaiterCount<TKey>(query.Key, count), Self);
                break;
            default:
                Unhandled(message);
                break;
        }
    }

    /// <summary>Fails every waiter still waiting, so none of them waits for an answer that will never come.</summary>
    protected override void PostStop()
    {
        var stopped = new Status.Failure(new SingleflightProtocol.CoordinatorStoppedException());
        foreach (SingleflightFlight<TKey, TValue> flight in _current.Values.Concat(_forgotten))
        {
            flight.TellAll(stopped, Self);
        }

        _current.Clear();
        _forgotten.Clear();
        base.PostStop();
    }

    private void Handle(SingleflightProtocol.Do<TKey, TValue> request)
    {
        if (_current.TryGetValue(request.Key, out SingleflightFlight<TKey, TValue>? joined))
        {
            joined.AddWaiter(Sender);
            return;
        }

        var flight = new SingleflightFlight<TKey, TValue>(Self, request.Key, request.Compute, Sender);
        _current.Add(request.Key, flight);
        flight.Start();
    }

    private bool Forget(TKey key)
    {
        if (!_current.Remove(key, out SingleflightFlight<TKey, TValue>? flight))
        {
            return false;
        }

        _forgotten.Add(flight);
        return true;
    }

    private bool ForgetUnshared(TKey key)
    {
        if (!_current.TryGetValue(key, out SingleflightFlight<TKey, TValue>? flight))
        {
            return true;
        }

        if (flight.WaiterCount > 1)
        {
            return false;
        }

        Forget(key);
        return true;
    }

    private void End(SingleflightFlight<TKey, TValue> flight)
    {
        // Forget the key before replying (only if the key still maps to this flight, and not to a newer one
        // started after a Forget), so a waiter that asks again starts a fresh flight.
        if (_current.TryGetValue(flight.Key, out SingleflightFlight<TKey, TValue>? current) && ReferenceEquals(current, flight))
        {
            _current.Remove(flight.Key);
        }
        else
        {
            bool wasForgotten = _forgotten.Remove(flight);
            Debug.Assert(wasForgotten, "each flight's outcome is sent back exactly once");
        }

        // Go's shared: the joiners always, the leader when anybody joined (the count is final: the flight has
        // ended), so one reply serves every waiter.
        object reply = flight.Error is { } error
            ? new Status.Failure(error)
            : new SingleflightProtocol.Result<TKey, TValue>(flight.Key, flight.Value, Shared: flight.WaiterCount > 1);
        flight.TellAll(reply, Self);
    }
}
