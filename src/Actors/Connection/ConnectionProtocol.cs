using ActorConcurrency.SharedState.Connection;

namespace ActorConcurrency.Actors.Connection;

/// <summary>The messages of <see cref="ConnectionFsm"/>.</summary>
public static class ConnectionProtocol
{
    /// <summary>Asks for the transition <see cref="Request"/> names; the reply is <see cref="Accepted"/> or <see cref="Rejected"/>.</summary>
    public sealed record TransitionRequest
    {
        private static readonly TransitionRequest[] Instances = ConnectionLifecycle.Requests.Select(r => new TransitionRequest(r)).ToArray();

        private TransitionRequest(ConnectionRequest request) => Request = request;

        /// <summary>The requested edge.</summary>
        public ConnectionRequest Request { get; }

        /// <summary>The message for <paramref name="request"/> (one shared instance per request).</summary>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="request"/> is not a defined request.</exception>
        public static TransitionRequest For(ConnectionRequest request)
        {
            ConnectionLifecycle.ThrowIfUndefined(request);
            return Instances[(int)request];
        }
    }

    /// <summary>The reply to a <see cref="TransitionRequest"/>: <see cref="Accepted"/> or <see cref="Rejected"/>.</summary>
    /// <param name="Outcome">The same outcome the shared-memory forms return.</param>
    public abstract record Reply(TransitionOutcome Outcome);

    /// <summary>The transition happened; <see cref="Reply.Outcome"/> has the edge and its sequence number.</summary>
    public sealed record Accepted(TransitionOutcome Outcome) : Reply(Outcome);

    /// <summary>The transition was illegal in the state the actor was in, which <see cref="Observed"/> carries.</summary>
    public sealed record Rejected(TransitionOutcome Outcome) : Reply(Outcome)
    {
        /// <summary>The state that made the request illegal.</summary>
        public ConnectionState Observed => Outcome.Observed;
    }

    /// <summary>Asks for the state; the reply is <see cref="StateIs"/>.</summary>
    public sealed record GetState
    {
        /// <summary>The only instance.</summary>
        public static readonly GetState Instance = new();

        private GetState()
        {
        }
    }

    /// <summary>The state and the number of transitions made, as of every message processed before the <see cref="GetState"/>.</summary>
    public sealed record StateIs(ConnectionState State, long Transitions);
}
