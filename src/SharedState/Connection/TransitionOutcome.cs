namespace ActorConcurrency.SharedState.Connection;

/// <summary>
/// The answer to one transition request: accepted (with the edge taken and its place in the connection's
/// history) or rejected (with the state that was observed, which is why the request was not legal).
/// </summary>
/// <param name="Request">What was asked.</param>
/// <param name="Accepted">Whether the transition happened.</param>
/// <param name="Observed">The state the request saw: the edge's source when accepted, the state that made it illegal when rejected.</param>
/// <param name="To">The state after the request: the edge's target when accepted, <paramref name="Observed"/> when rejected.</param>
/// <param name="Sequence">1 for the connection's first transition, 2 for the second, …; 0 when rejected.</param>
public readonly record struct TransitionOutcome(
    ConnectionRequest Request,
    bool Accepted,
    ConnectionState Observed,
    ConnectionState To,
    long Sequence)
{
    /// <summary>An accepted transition.</summary>
    public static TransitionOutcome Accept(ConnectionRequest request, ConnectionState from, ConnectionState to, long sequence) =>
        new(request, true, from, to, sequence);

    /// <summary>A rejection carrying the observed state.</summary>
    public static TransitionOutcome Reject(ConnectionRequest request, ConnectionState observed) =>
        new(request, false, observed, observed, 0);

    /// <inheritdoc />
    public override string ToString() => Accepted
        ? $"#{Sequence} {Request}: {Observed} -> {To}"
        : $"{Request} rejected in {Observed}";
}
