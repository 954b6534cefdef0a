namespace ActorConcurrency.Host.Chaos;

/// <summary>A stretch longer than a second in which a loading node received no acknowledgement.</summary>
internal sealed record AckGap(DateTimeOffset From, DateTimeOffset To, double Seconds);
