namespace ActorConcurrency.SharedState.Connection;

/// <summary>
/// Task 18: the five states of a connection's lifecycle. The numeric values are what <see cref="CasConnection"/>
/// stores in its integer word, so they are fixed.
/// </summary>
public enum ConnectionState
{
    /// <summary>Not connected; the state a connection starts in and returns to when connecting fails.</summary>
    Idle = 0,

    /// <summary>A connect is in progress.</summary>
    Connecting = 1,

    /// <summary>Connected.</summary>
    Connected = 2,

    /// <summary>A disconnect is in progress.</summary>
    Disconnecting = 3,

    /// <summary>Closed. Final: no request leaves it.</summary>
    Closed = 4,
}
