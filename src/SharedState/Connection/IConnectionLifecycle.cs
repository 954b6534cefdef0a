namespace ActorConcurrency.SharedState.Connection;

/// <summary>Task 18: a connection's lifecycle that many threads drive at once (shared-memory forms).</summary>
public interface IConnectionLifecycle
{
    /// <summary>The current state; always one of the five, whatever other threads are doing.</summary>
    ConnectionState State { get; }

    /// <summary>How many transitions have happened.</summary>
    long Transitions { get; }

    /// <summary>Makes the transition <paramref name="request"/> names if it is legal from the current state.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="request"/> is not a defined request.</exception>
    TransitionOutcome Request(ConnectionRequest request);
}
