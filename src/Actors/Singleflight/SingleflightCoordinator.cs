using System.Diagnostics;
using ActorConcurrency.SharedState.Singleflight;
using Akka.Actor;
using Akka.Dispatch.MessageQueues;

namespace ActorConcurrency.Actors.Singleflight;

/// <summary>
/// Task 17, actor form: the flights are owned by one actor. Who leads and who joins is decided by the
/// order of the mailbox, so there is no lock. The coordinator calls the compute itself, as an actor starts any
/// asynchronous call whose outcome it pipes to itself: the compute's synchronous part runs on the coordinator's
/// thread (a compute that blocks before returning its task holds every key until it returns; hand such work to
/// <see cref="Task.Run(Func{Task})"/>), and the rest runs wherever its awaits resume, its end coming back as a
/// message. Requests that reach the mailbox while the compute runs join its flight, even when it ran entirely on
/// this thread. When the flight ends the coordinator fans the outcome out to every waiting sender: a <see cref="SingleflightProtocol.Result{TKey,TValue}"/>,
/// or a <see cref="Status.Failure"/> carrying the compute's own exception (an <see cref="OperationCanceledException"/>
/// when it was canceled, which <see cref="SingleflightAsk.DoAsync{TKey,TValue}"/> turns into a canceled task). A
/// waiter that went away (an <c>Ask</c> that was cancelled or timed out) costs one dead letter; the others are unaffected.
/// </summary>
/// <remarks>
/// The hot path allocates little. A compute that has ended when it returns, with no other request waiting, is
/// answered at once: no flight, no dictionary entry, one reply. Otherwise the
/// <see cref="SingleflightFlight{TKey,TValue}"/> is at once the flight's state and the message that says it ended,
/// and one <see cref="SingleflightProtocol.Result{TKey,TValue}"/> is shared by all waiters (Go's <c>shared</c> is the
/// same for all of them). An <see cref="UntypedActor"/> with a type switch, not a handler table.
/// </remarks>
public sealed class SingleflightCoordinator<TKey, TValue> : UntypedActor
    where TKey : notnull
{
    /// <summary>The flight a new request for a key joins. A forgotten flight is no longer here.</summary>
    private readonly Dictionary<TKey, SingleflightFlight<TKey, TValue>> _current;

    /// <summary>Forgotten flights still running: their waiters still need the outcome (and a failure if the coordinator stops).</summary>
    private readonly HashSet<SingleflightFlight<TKey, TValue>> _forgotten = new(ReferenceEqualityComparer.Instance);

    /// <summary>This actor's mailbox, to see whether requests arrived while a compute ran on its thread.</summary>
    private IMessageQueue _mailbox = null!;

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

    /// <inheritdoc />
    protected override void PreStart() =>
        _mailbox = ((ActorCell)Context).Mailbox?.MessageQueue ?? throw new InvalidOperationException("the coordinator started without a mailbox");

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

        Task<TValue> computed = Compute(request.Compute);
        if (computed.IsCompleted && !_mailbox.HasMessages)
        {
            // Ended while this request was handled, and no request arrived meanwhile: the leader was alone, and
            // is answered as at the front of an empty mailbox, with no flight to keep.
            Sender.Tell(Reply(request.Key, computed, shared: false), Self);
            return;
        }

        // Still running, or requests arrived while it ran on this thread: those are queued before the flight's
        // end, so they join it.
        var flight = new SingleflightFlight<TKey, TValue>(Self, request.Key, computed, Sender);
        _current.Add(request.Key, flight);
        flight.SendBackWhenComputed();
    }

    /// <summary>Calls the compute on this thread, as an actor starts any asynchronous call; a throw becomes a faulted task.</summary>
    private static Task<TValue> Compute(Func<Task<TValue>> compute)
    {
        try
        {
            return SingleflightCompute.Start(compute);
        }
        catch (Exception e)
        {
            return Task.FromException<TValue>(e);
        }
    }

    /// <summary>
    /// The reply to every waiter of an ended compute: its value, or <see cref="Status.Failure"/> with its own exception
    /// (for a canceled task its <see cref="OperationCanceledException"/>, or the one created here when it has none).
    /// </summary>
    private static object Reply(TKey key, Task<TValue> computed, bool shared)
    {
        try
        {
            return new SingleflightProtocol.Result<TKey, TValue>(key, computed.GetAwaiter().GetResult(), shared);
        }
        catch (Exception e)
        {
            return new Status.Failure(e);
        }
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
        flight.TellAll(Reply(flight.Key, flight.Computed, shared: flight.WaiterCount > 1), Self);
    }
}
