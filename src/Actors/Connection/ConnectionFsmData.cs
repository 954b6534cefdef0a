namespace ActorConcurrency.Actors.Connection;

/// <summary>The data <see cref="ConnectionFsm"/> carries beside its state; a struct, so a transition allocates no data object.</summary>
/// <param name="Transitions">How many transitions the connection has made.</param>
public readonly record struct ConnectionFsmData(long Transitions)
{
    /// <summary>A new connection's data: no transitions.</summary>
    public static readonly ConnectionFsmData Initial = new(0);
}
