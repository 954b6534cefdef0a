namespace ActorConcurrency.Actors.Connection;

/// <summary>The data <see cref="ConnectionFsm"/> carries beside its state.</summary>
/// <param name="Transitions">How many transitions the connection has made.</param>
public sealed record ConnectionFsmData(long Transitions)
{
    /// <summary>A new connection's data: no transitions.</summary>
    public static readonly ConnectionFsmData Initial = new(0);
}
