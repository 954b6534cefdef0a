namespace ActorConcurrency.Actors.ShardedCounters;

/// <summary>A stretch longer than a second in which a loading node received no acknowledgement (a field of <see cref="NodeReport"/>).</summary>
public sealed record AckGap(DateTimeOffset From, DateTimeOffset To, double Seconds);
