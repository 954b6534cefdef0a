namespace ActorConcurrency.Actors.ShardedCounters;

/// <summary>
/// A <see cref="ShardedCounterNode"/> could not start. <see cref="Exception.Message"/> is one line meant for
/// the user (the host prints it as is); the actor system, if one was created, is already terminated.
/// </summary>
public sealed class NodeStartException : Exception
{
    /// <summary>Creates the exception.</summary>
    public NodeStartException(NodeStartFailure failure, string message, Exception? inner = null)
        : base(message, inner)
    {
        Failure = failure;
    }

    /// <summary>Creates an exception with no particular failure (for serializers and analyzers).</summary>
    public NodeStartException()
        : this(NodeStartFailure.TransportFailed, "the node could not start")
    {
    }

    /// <summary>Creates an exception with no particular failure.</summary>
    public NodeStartException(string message)
        : this(NodeStartFailure.TransportFailed, message)
    {
    }

    /// <summary>Creates an exception with no particular failure.</summary>
    public NodeStartException(string message, Exception inner)
        : this(NodeStartFailure.TransportFailed, message, inner)
    {
    }

    /// <summary>What went wrong.</summary>
    public NodeStartFailure Failure { get; }
}
