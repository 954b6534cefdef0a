namespace ActorConcurrency.Bench.Harness;

/// <summary>
/// Marks a benchmark class whose mean is the time per <see cref="Unit"/> (one item moved, one message handled:
/// <c>OperationsPerInvoke</c> counts them) and whose headline is a rate. <see cref="GroupsExporter"/> writes the
/// unit into the sidecar, and <c>bench-report</c> charts 1 / mean as <see cref="Unit"/> per second, higher is
/// better, instead of the time per operation.
/// </summary>
/// <param name="unit">What one operation moves, plural: <c>items</c> reads "items/s".</param>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ReportAsRateAttribute(string unit) : Attribute
{
    /// <summary>What one operation moves, plural (e.g. <c>items</c>).</summary>
    public string Unit { get; } = unit;
}
