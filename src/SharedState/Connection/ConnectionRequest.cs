namespace ActorConcurrency.SharedState.Connection;

/// <summary>
/// Task 18: a request for a transition. Each request names exactly one legal edge of the lifecycle (see
/// <see cref="ConnectionLifecycle.EdgeOf"/>); it succeeds only from that edge's source state.
/// </summary>
public enum ConnectionRequest
{
    /// <summary>Idle → Connecting.</summary>
    Connect = 0,

    /// <summary>Connecting → Connected.</summary>
    ConnectSucceeded = 1,

    /// <summary>Connecting → Idle (the connect failed or timed out).</summary>
    ConnectFailed = 2,

    /// <summary>Connected → Disconnecting.</summary>
    Disconnect = 3,

    /// <summary>Disconnecting → Closed.</summary>
    DisconnectCompleted = 4,

    /// <summary>Idle → Closed (closed without ever connecting, or after a failed connect).</summary>
    Close = 5,
}
