using ActorConcurrency.Actors.ShardedCounters;

namespace ActorConcurrency.Demonstrations.ShardedCounters;

/// <summary>
/// Task 19: the striped counter read while others increment (monotonic reads) and while value moves between stripes
/// (plain sum against snapshot), then counter entities on a single-node cluster with a SQLite journal, totals
/// gathered across shards while the load runs.
/// </summary>
/// <param name="Monotonic">The striped counter's Sum read by one thread while the others increment.</param>
/// <param name="Transfers">Plain Sum and SnapshotSum read while value moves between stripes.</param>
/// <param name="Sharded">The sharded counters' load and the totals read during it.</param>
public sealed record CrossShardResult(MonotonicReads Monotonic, StripeTransfers Transfers, ShardedLoad Sharded) : IDemonstrationResult
{
    /// <summary>
    /// Whether no read went down (striped or sharded), no snapshot saw a total that never existed, and every increment
    /// sent was acknowledged and is in the final total.
    /// </summary>
    public bool Held => Monotonic.Decreases == 0 && Transfers.SnapshotDeviations == 0
        && Sharded.Decreases == 0 && Sharded.Report.Acknowledged == Sharded.Report.Sent && Sharded.FinalTotal == Sharded.Report.Sent;

    /// <inheritdoc />
    public string Evidence =>
        $"striped: {Monotonic.Decreases} decreasing of {Monotonic.Reads:N0} reads; transfers: plain sum off {Transfers.PlainDeviations:N0}/{Transfers.PlainReads:N0}, " +
        $"snapshot off {Transfers.SnapshotDeviations}/{Transfers.SnapshotReads:N0}; sharded total {Sharded.FinalTotal:N0}/{Sharded.Report.Sent:N0}, {Sharded.Decreases} decreasing of {Sharded.Reads} reads";
}

/// <summary>The striped counter's Sum read by one thread while the others increment.</summary>
/// <param name="Writers">Writer threads.</param>
/// <param name="Stripes">The counter's stripes (one per core).</param>
/// <param name="Reads">Sums read.</param>
/// <param name="Decreases">Reads lower than the one before.</param>
/// <param name="Final">The total once the writers stopped.</param>
public sealed record MonotonicReads(int Writers, int Stripes, long Reads, long Decreases, long Final);

/// <summary>Transfers between stripes keep the total constant; each read is compared with it.</summary>
/// <param name="Stripes">Stripes the value moves between.</param>
/// <param name="Expected">The total, always.</param>
/// <param name="Moves">Transfers that ran.</param>
/// <param name="PlainReads">Plain Sums read.</param>
/// <param name="PlainDeviations">Plain Sums that were not the total: totals that never existed.</param>
/// <param name="LargestDeviation">The largest error of a plain Sum.</param>
/// <param name="SnapshotReads">SnapshotSums read.</param>
/// <param name="SnapshotDeviations">SnapshotSums that were not the total (none expected).</param>
/// <param name="DiscardedPasses">Snapshot passes discarded because a write overlapped them.</param>
public sealed record StripeTransfers(
    int Stripes, long Expected, long Moves, long PlainReads, long PlainDeviations, long LargestDeviation, long SnapshotReads, long SnapshotDeviations, long DiscardedPasses);

/// <summary>The sharded counters: a single-node cluster, increments sent in acknowledged batches while one client reads totals.</summary>
/// <param name="Node">The node's address.</param>
/// <param name="StartSeconds">From start to Up with the region ready.</param>
/// <param name="Journal">The journal, as the node describes it.</param>
/// <param name="Keys">The counters' keys (fresh for each run).</param>
/// <param name="BatchSize">Increments per batch.</param>
/// <param name="Window">Batches in flight at most.</param>
/// <param name="Report">What was sent and acknowledged, per key.</param>
/// <param name="FinalTotal">The total gathered across shards after the load.</param>
/// <param name="Reads">Totals read during the load.</param>
/// <param name="Decreases">Of those, lower than the one before.</param>
/// <param name="LoadSeconds">How long the load ran.</param>
/// <param name="ShutdownSeconds">How long the node took to leave the cluster and shut down.</param>
/// <param name="UndeletedFolder">The temporary journal folder, when it could not be deleted; else null.</param>
public sealed record ShardedLoad(
    string Node, double StartSeconds, string Journal, IReadOnlyList<string> Keys, int BatchSize, int Window, IncrementReport Report,
    long FinalTotal, long Reads, long Decreases, double LoadSeconds, double ShutdownSeconds, string? UndeletedFolder);
