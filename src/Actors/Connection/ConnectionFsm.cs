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
/// <item>A connect timeout: Connecting has a state timeout; when it fires the connection goes back to Idle,
/// exactly as a <see cref="ConnectionRequest.ConnectFailed"/> would. Akka re-arms a state timeout on every
/// message the state handles, so a stream of rejected requests would postpone it for ever; the handler
/// therefore stays with <c>ForMax</c> of the time left to the deadline set on entering Connecting. A
/// timeout already queued when the state changes is discarded by the FSM (timeouts carry a generation).</item>
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

    /// <summary>The shortest timeout handed to <c>ForMax</c>: a zero timeout would mean "no timeout".</summary>
    private static readonly TimeSpan MinimumRemaining = TimeSpan.FromMilliseconds(1);

    private readonly TimeSpan _connectTimeout;
    private readonly ILoggingAdapter _log = Context.GetLogger();

    /// <summary>Creates the lifecycle in Idle.</summary>
    /// <param name="connectTimeout">How long Connecting may last before the connection falls back to Idle.</param>
    public ConnectionFsm(TimeSpan connectTimeout)
    {
        _connectTimeout = connectTimeout;
        StartWith(ConnectionState.Idle, ConnectionFsmData.Initial);
        When(ConnectionState.Idle, Handle);
        When(ConnectionState.Connecting, e => e.FsmEvent is StateTimeout ? ConnectTimedOut(e.StateData) : Handle(e), connectTimeout);
        When(ConnectionState.Connected, Handle);
        When(ConnectionState.Disconnecting, Handle);
        When(ConnectionState.Closed, Handle);
        // Initialize() reports the initial state as Idle -> Idle; every later transition must be a legal edge.
        OnTransition((from, to) => Debug.Assert(
            ConnectionLifecycle.IsLegal(from, to) || (from == to && NextStateData.Transitions == 0),
            $"illegal transition {from} -> {to}"));
        WhenUnhandled(e =>
        {
            // Not a message of this protocol: logged as a warning, so it is not dropped silently, and the
            // connect deadline is kept (FSM's default handler would Stay() and re-arm the state timeout).
            _log.Warning("ConnectionFsm: unhandled {0} in state {1}", e.FsmEvent, StateName);
            return StayKeepingDeadline(e.StateData);
        });
        Initialize();
    }

    /// <summary>The props to spawn a connection.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="connectTimeout"/> is not positive.</exception>
    public static Props Props(TimeSpan? connectTimeout = null)
    {
        TimeSpan timeout = connectTimeout ?? DefaultConnectTimeout;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero, nameof(connectTimeout));
        return Akka.Actor.Props.Create(() => new ConnectionFsm(timeout));
    }

    private State<ConnectionState, ConnectionFsmData> Handle(Event<ConnectionFsmData> e)
    {
        switch (e.FsmEvent)
        {
            case ConnectionProtocol.TransitionRequest request:
                TransitionOutcome outcome = ConnectionLifecycle.Apply(StateName, request.Request, e.StateData.Transitions);
                if (!outcome.Accepted)
                {
                    return StayKeepingDeadline(e.StateData).Replying(new ConnectionProtocol.Rejected(outcome));
                }

                DateTimeOffset? deadline = outcome.To == ConnectionState.Connecting ? Context.System.Scheduler.Now + _connectTimeout : null;
                return GoTo(outcome.To)
                    .Using(new ConnectionFsmData(outcome.Sequence, deadline))
                    .Replying(new ConnectionProtocol.Accepted(outcome));

            case ConnectionProtocol.GetState:
                return StayKeepingDeadline(e.StateData).Replying(new ConnectionProtocol.StateIs(StateName, e.StateData.Transitions));

            default:
                return null!; // not ours: WhenUnhandled below
        }
    }

    /// <summary>The connect took too long: the same edge a ConnectFailed request takes, with nobody to reply to.</summary>
    private State<ConnectionState, ConnectionFsmData> ConnectTimedOut(ConnectionFsmData data)
    {
        Debug.Assert(StateName == ConnectionState.Connecting, "the state timeout is only set for Connecting");
        TransitionOutcome outcome = ConnectionLifecycle.Apply(StateName, ConnectionRequest.ConnectFailed, data.Transitions);
        return GoTo(outcome.To).Using(new ConnectionFsmData(outcome.Sequence, null));
    }

    /// <summary>
    /// Stay, but in Connecting keep the deadline set on entry: a plain Stay() would re-arm the full state
    /// timeout, so every rejected request would push the connect timeout further away.
    /// </summary>
    private State<ConnectionState, ConnectionFsmData> StayKeepingDeadline(ConnectionFsmData data)
    {
        if (StateName != ConnectionState.Connecting || data.ConnectDeadline is not { } deadline)
        {
            return Stay();
        }

        TimeSpan remaining = deadline - Context.System.Scheduler.Now;
        return Stay().ForMax(remaining > MinimumRemaining ? remaining : MinimumRemaining);
    }
}
