namespace ActorConcurrency.Host.BenchReport;

/// <summary>What a comparison of a candidate's times with its baseline's found (<see cref="ComparisonRule"/>).</summary>
internal enum ComparisonVerdict
{
    /// <summary>Not tested: a side has fewer than two measured iterations.</summary>
    NotTested,

    /// <summary>Not significant at the rule's threshold, or significant but smaller than its minimum effect.</summary>
    NoMeasurableDifference,

    /// <summary>The candidate takes significantly less time, by at least the minimum effect.</summary>
    Faster,

    /// <summary>The candidate takes significantly more time, by at least the minimum effect.</summary>
    Slower,
}
