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

    /// <summary>The exception at the bottom of <paramref name="ex"/>'s chain: the one that says what really failed.</summary>
    internal static Exception Innermost(Exception ex)
    {
        while (ex.InnerException is not null)
        {
            ex = ex.InnerException;
        }

        return ex;
    }

    /// <summary><paramref name="text"/> (a driver's message, a check's answer) on one line, as this exception's message must be.</summary>
    internal static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();
}
