using ActorConcurrency.SharedState.Connection;

namespace ActorConcurrency.Tests.Connection;

/// <summary>
/// Task 18: the sequential model every form is compared with. Its edge table is written out here from the
/// issue's list, independently of <see cref="ConnectionLifecycle"/>, so a wrong table in the code under test
/// cannot agree with itself. Not thread-safe, and need not be: it is only ever run sequentially.
/// </summary>
public sealed class SequentialConnectionModel
{
    private static readonly Dictionary<(ConnectionState From, ConnectionRequest Request), ConnectionState> Edges = new()
    {
        [(ConnectionState.Idle, ConnectionRequest.Connect)] = ConnectionState.Connecting,
        [(ConnectionState.Connecting, ConnectionRequest.ConnectSucceeded)] = ConnectionState.Connected,
        [(ConnectionState.Connecting, ConnectionRequest.ConnectFailed)] = ConnectionState.Idle,
        [(ConnectionState.Connected, ConnectionRequest.Disconnect)] = ConnectionState.Disconnecting,
        [(ConnectionState.Disconnecting, ConnectionRequest.DisconnectCompleted)] = ConnectionState.Closed,
        [(ConnectionState.Idle, ConnectionRequest.Close)] = ConnectionState.Closed,
    };

    public ConnectionState State { get; private set; } = ConnectionState.Idle;

    public long Transitions { get; private set; }

    /// <summary>Whether <paramref name="from"/> → <paramref name="to"/> is one of the six edges.</summary>
    public static bool IsLegal(ConnectionState from, ConnectionState to) => Edges.Any(e => e.Key.From == from && e.Value == to);

    public TransitionOutcome Request(ConnectionRequest request)
    {
        if (!Edges.TryGetValue((State, request), out ConnectionState to))
        {
            return TransitionOutcome.Reject(request, State);
        }

        var outcome = TransitionOutcome.Accept(request, State, to, ++Transitions);
        State = to;
        return outcome;
    }

    public override string ToString() => $"{State} after {Transitions} transitions";
}
