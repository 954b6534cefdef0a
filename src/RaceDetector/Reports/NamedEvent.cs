using ActorConcurrency.RaceDetector.Clocks;

namespace ActorConcurrency.RaceDetector.Reports;

/// <summary>An event recorded with <see cref="Tracking.VectorClockDetector.Event"/>: where and when, by the clocks.</summary>
/// <param name="Name">The name it was recorded under.</param>
/// <param name="ThreadId">The logical thread.</param>
/// <param name="ThreadName">Its name.</param>
/// <param name="Clock">That thread's own clock at the event.</param>
/// <param name="Knows">That thread's whole vector clock at the event.</param>
public sealed record NamedEvent(string Name, int ThreadId, string ThreadName, int Clock, VectorClock Knows)
{
    /// <summary>True when this event happens before <paramref name="other"/> (by the clocks).</summary>
    public bool HappensBefore(NamedEvent other) => this != other && Clock <= other.Knows[ThreadId];

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({ThreadName}@{Clock}, clock {Knows})";
}
