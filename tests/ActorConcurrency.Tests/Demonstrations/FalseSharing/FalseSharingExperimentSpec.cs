using ActorConcurrency.Demonstrations.FalseSharing;
using ActorConcurrency.SharedState.FalseSharing;

namespace ActorConcurrency.Tests.Demonstrations.FalseSharing;

/// <summary>Task 10's experiment: the fields' distances decide the verdict; the summary says faster or slower from the numbers.</summary>
public sealed class FalseSharingExperimentSpec
{
    [Fact]
    public void The_padded_fields_are_measured_at_least_a_line_apart_and_the_adjacent_ones_not()
    {
        FalseSharingResult result = FalseSharingExperiment.Run(CancellationToken.None);

        Assert.True(result.Held, result.Evidence);
        Assert.Equal(["adjacent", "padded to 64 bytes", "padded to 128 bytes"], result.Rows.Select(r => r.Form));
        Assert.True(result.Rows[0].Distance < CacheLine.Size);
        Assert.True(result.Rows[2].Distance >= CacheLine.PrefetchPair);
        Assert.All(result.Rows, r => Assert.True(r.Ns > 0));
    }

    /// <summary>A padded form that lost is never "0.9x faster".</summary>
    [Theory]
    [InlineData(18.0, 4.0, "4.5x faster")]
    [InlineData(10.0, 12.0, "1.2x slower in this run")]
    public void The_comparison_follows_the_measured_times(double adjacentNs, double paddedNs, string expected) =>
        Assert.StartsWith(expected, FalseSharingResult.Compared(adjacentNs, paddedNs), StringComparison.Ordinal);
}
