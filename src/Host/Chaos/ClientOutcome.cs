using ActorConcurrency.Host.Node;

namespace ActorConcurrency.Host.Chaos;

/// <summary>
/// One client's part of a scenario: its last report, and whether it was killed (then its numbers are those of
/// its last tick: lower bounds of what it sent and had acknowledged).
/// </summary>
internal sealed record ClientOutcome(string Node, NodeReport Report, bool Killed)
{
    /// <summary>Everything it sent was acknowledged and it lived to say so: its total is exactly what it sent.</summary>
    public bool FullyAcknowledged => !Killed && Report.Final && Report.Unacknowledged == 0 && Report.InFlight == 0 && Report.Acknowledged == Report.Sent;
}
