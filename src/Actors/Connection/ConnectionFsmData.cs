namespace ActorConcurrency.Actors.Connection;

/// <summary>The data <see cref="ConnectionFsm"/> carries beside its state.</summary>
/// <param name="Transitions">How many transitions the connection has made.</param>
/// <param name="ConnectDeadline">While Connecting: when the connect times out (scheduler time); otherwise null.</param>
public sealed record ConnectionFsmData(long Transitions, DateTimeOffset? ConnectDeadline)
{
    /// <summary>A new connection's data: no transitions, no deadline.</summary>
    public static readonly ConnectionFsmData Initial = new(0, null);
}
