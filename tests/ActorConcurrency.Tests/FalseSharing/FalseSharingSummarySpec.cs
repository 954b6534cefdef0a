using ActorConcurrency.Host.Tasks;

namespace ActorConcurrency.Tests.FalseSharing;

/// <summary>Task 10's summary says faster or slower from the numbers: a padded form that lost is never "0.9x faster".</summary>
public sealed class FalseSharingSummarySpec
{
    [Theory]
    [InlineData(18.0, 4.0, "4.5x faster")]
    [InlineData(10.0, 12.0, "1.2x slower in this run")]
    public void The_comparison_follows_the_measured_times(double adjacentNs, double paddedNs, string expected) =>
        Assert.StartsWith(expected, Task10FalseSharing.Compared(adjacentNs, paddedNs), StringComparison.Ordinal);
}
