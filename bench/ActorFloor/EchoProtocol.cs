namespace ActorConcurrency.Bench.ActorFloor;

/// <summary>The message of <see cref="EchoActor"/>.</summary>
public static class EchoProtocol
{
    /// <summary>A request the echo actor sends back unchanged; <paramref name="CorrelationId"/> ties the reply to it.</summary>
    public sealed record Ping(long CorrelationId);
}
