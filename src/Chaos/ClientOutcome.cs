using ActorConcurrency.Actors.ShardedCounters;

namespace ActorConcurrency.Chaos;

/// <summary>
/// One client's part of a scenario: its last report, and whether it was killed (then its numbers are those of
/// its last tick: lower bounds of what it sent and had acknowledged) or frozen (then the cluster downed it while it
/// slept: it did not live through the scenario as a client, whatever its report says).
/// </summary>
public sealed record ClientOutcome(string Node, NodeReport Report, bool Killed)
{
    /// <summary>This run froze its node (<c>kill -STOP</c>) at some point.</summary>
    public bool Frozen { get; init; }

    /// <summary>Its node found itself on the losing side of a partition and exited (5: downed).</summary>
    public bool Downed { get; init; }

    /// <summary>Neither killed, frozen nor downed: a client that stayed alive, for which exactly-once must hold.</summary>
    public bool Lived => !Killed && !Frozen && !Downed;

    /// <summary>Everything it sent was acknowledged and it lived to say so: its total is exactly what it sent.</summary>
    public bool FullyAcknowledged => Lived && Report.Final && Report.Unacknowledged == 0 && Report.InFlight == 0 && Report.Acknowledged == Report.Sent;
}
