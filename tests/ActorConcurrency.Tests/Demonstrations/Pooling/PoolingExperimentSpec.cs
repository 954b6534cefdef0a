using ActorConcurrency.Demonstrations.Pooling;
using ActorConcurrency.Tests.Support;

namespace ActorConcurrency.Tests.Demonstrations.Pooling;

/// <summary>Task 12's experiment: the pools allocate next to nothing, and a write after return lands in the next renter's buffer.</summary>
public sealed class PoolingExperimentSpec
{
    [Fact]
    public void The_pools_allocate_almost_nothing_and_the_stale_write_reaches_the_next_renter()
    {
        PoolingResult result = PoolingExperiment.Run(CancellationToken.None);

        Assert.True(result.Held, result.Evidence);
        Assert.True(result.Forms[0].Bytes >= 4096, result.Forms[0].ToString());
        Assert.Equal(new PoolHazard("XBBBB", SameBuffer: true), result.Hazard);
        Assert.Equal("XBBBB", ResultJson.Of(result).GetProperty("hazard").GetProperty("seenBySecondRenter").GetString());
    }

    [Fact]
    public void A_pool_that_allocates_or_a_hazard_that_did_not_show_fails()
    {
        var result = new PoolingResult(2, [new("new", 100, 4120), new("shared", 10, 0.1), new("dedicated", 20, 0)], new PoolHazard("XBBBB", true));

        Assert.True(result.Held);
        Assert.False((result with { Forms = [result.Forms[0], result.Forms[1], new("dedicated", 20, 100)] }).Held);
        Assert.False((result with { Hazard = new PoolHazard("BBBBB", false) }).Held);
    }
}
