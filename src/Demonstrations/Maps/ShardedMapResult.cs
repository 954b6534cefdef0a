namespace ActorConcurrency.Demonstrations.Maps;

/// <summary>Task 8: nanoseconds per map operation for each map, workload and thread count (indicative).</summary>
/// <param name="MostThreads">The largest thread count measured (every core), at which the evidence compares.</param>
/// <param name="Rows">One row per workload and thread count.</param>
/// <param name="Consistent">Whether both maps still held every key after every cell.</param>
public sealed record ShardedMapResult(int MostThreads, IReadOnlyList<MapTiming> Rows, bool Consistent) : IDemonstrationResult
{
    /// <summary>Whether both maps stayed consistent: the timings are indicative and decide nothing.</summary>
    public bool Held => Consistent;

    /// <inheritdoc />
    public string Evidence =>
        $"sharded time / ConcurrentDictionary time at {MostThreads} threads ({QuickMeasurement.Qualifier}): " +
        string.Join(", ", Rows.Where(r => r.Threads == MostThreads).Select(r => $"{r.Workload}: {r.Ratio:0.00}x"));
}

/// <summary>One workload at one thread count.</summary>
/// <param name="Workload">Read-heavy or write-heavy.</param>
/// <param name="Threads">Threads sharing the operations.</param>
/// <param name="ConcurrentNs">ns per operation on <c>ConcurrentDictionary</c>.</param>
/// <param name="ShardedNs">ns per operation on 16 × <c>Dictionary</c> + lock.</param>
public sealed record MapTiming(string Workload, int Threads, double ConcurrentNs, double ShardedNs)
{
    /// <summary>The sharded map's time over ConcurrentDictionary's: below 1 it was faster.</summary>
    public double Ratio => ShardedNs / ConcurrentNs;
}
