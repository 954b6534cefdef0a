namespace ActorConcurrency.Host.Node;

/// <summary>A stretch longer than a second in which a loading node received no acknowledgement (a field of <see cref="NodeReport"/>).</summary>
internal sealed record AckGap(DateTimeOffset From, DateTimeOffset To, double Seconds);
