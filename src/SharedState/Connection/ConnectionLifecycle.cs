namespace ActorConcurrency.SharedState.Connection;

/// <summary>
/// Task 18: the lifecycle's legal edges, shared by every form (lock, CAS, FSM actor) and by the specs'
/// sequential model, so all of them obey one table:
/// Idle→Connecting, Connecting→Connected, Connecting→Idle, Connected→Disconnecting, Disconnecting→Closed,
/// Idle→Closed. Closed is final.
/// </summary>
public static class ConnectionLifecycle
{
    /// <summary>Every request, in declaration order.</summary>
    public static IReadOnlyList<ConnectionRequest> Requests { get; } = Enum.GetValues<ConnectionRequest>();

    /// <summary>Every state, in declaration order.</summary>
    public static IReadOnlyList<ConnectionState> States { get; } = Enum.GetValues<ConnectionState>();

    /// <summary>The one edge <paramref name="request"/> asks for.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="request"/> is not a defined request.</exception>
    public static (ConnectionState From, ConnectionState To) EdgeOf(ConnectionRequest request) => request switch
    {
        ConnectionRequest.Connect => (ConnectionState.Idle, ConnectionState.Connecting),
        ConnectionRequest.ConnectSucceeded => (ConnectionState.Connecting, ConnectionState.Connected),
        ConnectionRequest.ConnectFailed => (ConnectionState.Connecting, ConnectionState.Idle),
        ConnectionRequest.Disconnect => (ConnectionState.Connected, ConnectionState.Disconnecting),
        ConnectionRequest.DisconnectCompleted => (ConnectionState.Disconnecting, ConnectionState.Closed),
        ConnectionRequest.Close => (ConnectionState.Idle, ConnectionState.Closed),
        _ => throw new ArgumentOutOfRangeException(nameof(request), request, "Not a connection request."),
    };

    /// <summary>Whether <paramref name="from"/> → <paramref name="to"/> is one of the six legal edges.</summary>
    public static bool IsLegal(ConnectionState from, ConnectionState to) =>
        Requests.Any(r => EdgeOf(r) == (from, to));

    /// <summary>
    /// Applies <paramref name="request"/> to <paramref name="current"/> sequentially: the outcome a correct
    /// form must give when the request is the only one in flight. <paramref name="sequence"/> is the number of
    /// transitions made so far; an accepted request gets the next one.
    /// </summary>
    public static TransitionOutcome Apply(ConnectionState current, ConnectionRequest request, long sequence)
    {
        (ConnectionState from, ConnectionState to) = EdgeOf(request);
        return current == from
            ? TransitionOutcome.Accept(request, from, to, sequence + 1)
            : TransitionOutcome.Reject(request, current);
    }

    /// <summary>Validates <paramref name="request"/> for a public entry point.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="request"/> is not a defined request.</exception>
    public static void ThrowIfUndefined(ConnectionRequest request)
    {
        if (!Enum.IsDefined(request))
        {
            throw new ArgumentOutOfRangeException(nameof(request), request, "Not a connection request.");
        }
    }
}
