using ActorConcurrency.SharedState.Connection;
using Akka.Actor;
using Akka.Event;
using Debug = System.Diagnostics.Debug;

namespace ActorConcurrency.Actors.Connection;

/// <summary>
/// Task 18, actor form: the lifecycle as an Akka.NET <see cref="FSM{TState,TData}"/>. Requests are
/// processed one at a time, so checking the source state and moving to the target is one step that no
/// other request can interleave with. Beyond the lock and CAS forms it has two things built in:
/// <list type="bullet">
/// <item>A connect timeout: entering Connecting sets the attempt's deadline (connect timeout from now, on a
/// monotonic clock); when it passes, the connection goes back to Idle, exactly as a
/// <see cref="ConnectionRequest.ConnectFailed"/> would. One named single-shot timer serves every attempt: it is
/// armed on entering Connecting only when none is pending, and leaving Connecting leaves it alone. When it fires,
/// it times the attempt out if that attempt's deadline has passed, re-arms itself for what is left of the deadline
/// if a later attempt is under way, and does nothing outside Connecting. So a connection cycling through
/// Connecting pays for no scheduling on most attempts, and each attempt still has its own deadline, to the
/// timer's precision. A timer, not a state timeout: Akka re-arms a state timeout on every message the state
/// handles, so a stream of rejected requests would postpone it.</item>
/// <item>Transition subscribers: <see cref="FSMBase.SubscribeTransitionCallBack"/> gets a
/// <see cref="FSMBase.CurrentState{TS}"/>, then one <see cref="FSMBase.Transition{TS}"/> per transition, in order.</item>
/// </list>
/// Every <see cref="ConnectionProtocol.TransitionRequest"/> is answered with <see cref="ConnectionProtocol.Accepted"/>
/// or <see cref="ConnectionProtocol.Rejected"/> (carrying the state observed).
/// </summary>
public sealed class ConnectionFsm : FSM<ConnectionState, ConnectionFsmData>
{
    /// <summary>The connect timeout when none is given.</summary>
    public static readonly TimeSpan DefaultConnectTimeout = TimeSpan.FromSeconds(5);

    /// <summary>The name of the connect timer.</summary>
    private const string ConnectTimer = "connect";

    private readonly TimeSpan _connectTimeout;
    private readonly Func<TimeSpan> _clock;
    private readonly ILoggingAdapter _log = Context.GetLogger();

    /// <summary>When the current connect attempt times out, on <see cref="_clock"/>; meaningful only while Connecting.</summary>
    private TimeSpan _connectDeadline;

    /// <summary>Creates the lifecycle in Idle.</summary>
    /// <param name="connectTimeout">How long Connecting may last before the connection falls back to Idle.</param>
    /// <param name="clock">
    /// The monotonic clock deadlines are kept on; when null, <see cref="Environment.TickCount64"/> (milliseconds, a
    /// few nanoseconds to read where the scheduler's precise clock costs tens, and no coarser than the scheduler's own
    /// ticks, which decide when the timer fires). A spec on a virtual scheduler passes its virtual time.
    /// </param>
    public ConnectionFsm(TimeSpan connectTimeout, Func<TimeSpan>? clock = null)
    {
        _connectTimeout = connectTimeout;
        _clock = clock ?? (static () => TimeSpan.FromMilliseconds(Environment.TickCount64));
        StartWith(ConnectionState.Idle, ConnectionFsmData.Initial);
        When(ConnectionState.Idle, Handle);
        When(ConnectionState.Connecting, Handle);
        When(ConnectionState.Connected, Handle);
        When(ConnectionState.Disconnecting, Handle);
        When(ConnectionState.Closed, Handle);
        // Initialize() reports the initial state as Idle -> Idle; every later transition must be a legal edge.
        OnTransition((from, to) => Debug.Assert(
            ConnectionLifecycle.IsLegal(from, to) || (from == to && NextStateData.Transitions == 0),
            $"illegal transition {from} -> {to}"));
        WhenUnhandled(e =>
        {
            // Not a message of this protocol: logged as a warning, so it is not dropped silently.
            _log.Warning("ConnectionFsm: unhandled {0} in state {1}", e.FsmEvent, StateName);
            return Stay();
        });
        Initialize();
    }

    /// <summary>The props to spawn a connection.</summary>
    /// <param name="connectTimeout">How long Connecting may last (<see cref="DefaultConnectTimeout"/> when null).</param>
    /// <param name="clock">The monotonic clock deadlines are kept on; <see cref="Environment.TickCount64"/> when null.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="connectTimeout"/> is not positive.</exception>
    public static Props Props(TimeSpan? connectTimeout = null, Func<TimeSpan>? clock = null)
    {
        TimeSpan timeout = connectTimeout ?? DefaultConnectTimeout;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero, nameof(connectTimeout));
        return Akka.Actor.Props.Create(() => new ConnectionFsm(timeout, clock));
    }

    private State<ConnectionState, ConnectionFsmData> Handle(Event<ConnectionFsmData> e)
    {
        // Replies are told here rather than through State.Replying, which copies the state and a reply list per
        // message; the FSM would send them to the same Sender, before applying the state, all the same.
        switch (e.FsmEvent)
        {
            case ConnectionProtocol.TransitionRequest request:
                TransitionOutcome outcome = ConnectionLifecycle.Apply(StateName, request.Request, e.StateData.Transitions);
                if (!outcome.Accepted)
                {
                    Sender.Tell(new ConnectionProtocol.Rejected(outcome), Self);
                    return Stay();
                }

                if (outcome.To == ConnectionState.Connecting)
                {
                    // Set before the reply leaves: a caller that hears Accepted finds the deadline already counting
                    // from this moment. A timer still pending from an earlier attempt fires before this deadline
                    // (the timeout is the same for every attempt) and re-arms itself for the rest.
                    _connectDeadline = _clock() + _connectTimeout;
                    if (!IsTimerActive(ConnectTimer))
                    {
                        SetTimer(ConnectTimer, ConnectTimedOutMarker.Instance, _connectTimeout);
                    }
                }

                Sender.Tell(new ConnectionProtocol.Accepted(outcome), Self);
                return GoTo(outcome.To).Using(new ConnectionFsmData(outcome.Sequence));

            case ConnectTimedOutMarker:
                // Outside Connecting: an earlier attempt's timer, fired after that attempt ended and no new one began.
                return StateName == ConnectionState.Connecting ? ConnectTimerFired(e.StateData) : Stay();

            case ConnectionProtocol.GetState:
                Sender.Tell(new ConnectionProtocol.StateIs(StateName, e.StateData.Transitions), Self);
                return Stay();

            default:
                return null!; // not ours: WhenUnhandled below
        }
    }

    /// <summary>The connect timer fired while Connecting: time the attempt out if its deadline passed, else wait for the rest of it.</summary>
    private State<ConnectionState, ConnectionFsmData> ConnectTimerFired(ConnectionFsmData data)
    {
        TimeSpan left = _connectDeadline - _clock();
        if (left > TimeSpan.Zero)
        {
            SetTimer(ConnectTimer, ConnectTimedOutMarker.Instance, left);
            return Stay();
        }

        return ConnectTimedOut(data);
    }

    /// <summary>The connect took too long: the same edge a ConnectFailed request takes, with nobody to reply to.</summary>
    private State<ConnectionState, ConnectionFsmData> ConnectTimedOut(ConnectionFsmData data)
    {
        Debug.Assert(StateName == ConnectionState.Connecting, "the connect deadline is kept only while Connecting");
        TransitionOutcome outcome = ConnectionLifecycle.Apply(StateName, ConnectionRequest.ConnectFailed, data.Transitions);
        return GoTo(outcome.To).Using(new ConnectionFsmData(outcome.Sequence));
    }

    /// <summary>The connect timer's message; only this actor sends it, to itself.</summary>
    private sealed class ConnectTimedOutMarker
    {
        public static readonly ConnectTimedOutMarker Instance = new();
    }
}
