namespace ActorConcurrency.Demonstrations.Connection;

/// <summary>How task 18 drives the connection forms and the FSM's deadline.</summary>
/// <param name="Runs">Lifecycles per form.</param>
/// <param name="Requesters">Concurrent requesters driving each lifecycle.</param>
/// <param name="ConnectTimeoutMilliseconds">The FSM's connect timeout in the deadline section.</param>
public sealed record ConnectionSettings(int Runs, int Requesters, int ConnectTimeoutMilliseconds)
{
    /// <summary>The FSM's connect timeout.</summary>
    public TimeSpan ConnectTimeout => TimeSpan.FromMilliseconds(ConnectTimeoutMilliseconds);

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the setting that is below 1.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Runs, 1, nameof(Runs));
        ArgumentOutOfRangeException.ThrowIfLessThan(Requesters, 1, nameof(Requesters));
        ArgumentOutOfRangeException.ThrowIfLessThan(ConnectTimeoutMilliseconds, 1, nameof(ConnectTimeoutMilliseconds));
    }
}
