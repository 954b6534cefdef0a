namespace ActorConcurrency.RaceDetector.Reports;

/// <summary>How two events are ordered by happens-before.</summary>
public enum HappensBeforeOrder
{
    /// <summary>The first event happens before the second.</summary>
    FirstBeforeSecond,

    /// <summary>The second event happens before the first.</summary>
    SecondBeforeFirst,

    /// <summary>Neither happens before the other.</summary>
    Concurrent,
}
