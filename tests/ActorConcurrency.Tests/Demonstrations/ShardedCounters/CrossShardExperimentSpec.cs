using ActorConcurrency.Actors.ShardedCounters;
using ActorConcurrency.Demonstrations.ShardedCounters;
using ActorConcurrency.Tests.Support;

namespace ActorConcurrency.Tests.Demonstrations.ShardedCounters;

/// <summary>Task 19's experiments: striped reads never go down, snapshots never see a total that never existed, the sharded load loses nothing.</summary>
public sealed class CrossShardExperimentSpec
{
    private static readonly CrossShardSettings Small = new(StripedSeconds: 0.2, ShardedIncrements: 2_000);

    [Fact]
    public void Striped_reads_never_go_down_and_snapshots_see_only_the_real_total()
    {
        MonotonicReads monotonic = StripedCounterExperiment.MeasureMonotonic(Small, CancellationToken.None);
        StripeTransfers transfers = StripedCounterExperiment.MeasureTransfers(Small, CancellationToken.None);

        Assert.True(monotonic.Reads > 0 && monotonic.Final > 0, monotonic.ToString());
        Assert.Equal(0, monotonic.Decreases);
        Assert.Equal((16, 16_000_000L), (transfers.Stripes, transfers.Expected));
        Assert.True(transfers.SnapshotReads > 0 && transfers.Moves > 0, transfers.ToString());
        Assert.Equal(0, transfers.SnapshotDeviations);
    }

    [Fact]
    public async Task The_sharded_load_is_acknowledged_in_full_and_read_back_whole()
    {
        var reports = new List<string>();

        ShardedLoad load = await ShardedLoadExperiment.RunAsync(Small, new SynchronousProgress(reports.Add), CancellationToken.None);

        Assert.Equal((2_000L, 2_000L, 2_000L), (load.Report.Sent, load.Report.Acknowledged, load.FinalTotal));
        Assert.Equal(0, load.Decreases);
        Assert.Equal(10, load.Keys.Count);
        Assert.All(load.Keys, k => Assert.Equal(200, load.Report.AcknowledgedPerKey[k]));
        Assert.Null(load.UndeletedFolder);
        Assert.Contains(reports, r => r.Contains("Up, region ready", StringComparison.Ordinal));
        var result = new CrossShardResult(new MonotonicReads(2, 2, 10, 0, 10), new StripeTransfers(16, 16, 1, 10, 3, 5, 10, 0, 1), load);
        Assert.True(result.Held, result.Evidence);
        Assert.Equal(2_000, ResultJson.Of(result).GetProperty("sharded").GetProperty("report").GetProperty("acknowledged").GetInt64());
    }

    [Fact]
    public void A_read_that_went_down_a_torn_snapshot_or_a_lost_increment_fails()
    {
        var report = new IncrementReport(100, 100, 0, 0, 0, 1, new Dictionary<string, long>(), [], new Dictionary<string, IReadOnlyList<AcknowledgementGap>>(), new Dictionary<string, DateTime>());
        var load = new ShardedLoad("node", 1, "journal", [], 100, 32, report, 100, 5, 0, 0.1, 1, null);
        var result = new CrossShardResult(new MonotonicReads(2, 2, 10, 0, 10), new StripeTransfers(16, 16, 1, 10, 3, 5, 10, 0, 1), load);

        Assert.True(result.Held);
        Assert.False((result with { Monotonic = result.Monotonic with { Decreases = 1 } }).Held);
        Assert.False((result with { Transfers = result.Transfers with { SnapshotDeviations = 1 } }).Held);
        Assert.False((result with { Sharded = load with { FinalTotal = 99 } }).Held);
        Assert.False((result with { Sharded = load with { Decreases = 1 } }).Held);
    }
}
