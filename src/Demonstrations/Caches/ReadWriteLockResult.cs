namespace ActorConcurrency.Demonstrations.Caches;

/// <summary>Task 7: nanoseconds per cache operation for each lock, workload and thread count (indicative).</summary>
/// <param name="MostThreads">The largest thread count measured (every core), at which the evidence compares.</param>
/// <param name="Rows">One row per workload and thread count.</param>
/// <param name="Consistent">Whether every form still held every key after every cell.</param>
public sealed record ReadWriteLockResult(int MostThreads, IReadOnlyList<CacheLockTiming> Rows, bool Consistent) : IDemonstrationResult
{
    /// <summary>Whether every cache stayed consistent: the timings are indicative and decide nothing.</summary>
    public bool Held => Consistent;

    /// <inheritdoc />
    public string Evidence =>
        $"RW lock time / lock time at {MostThreads} threads ({QuickMeasurement.Qualifier}): " +
        string.Join(", ", Rows.Where(r => r.Threads == MostThreads).Select(r => $"{r.Workload}: {r.Ratio:0.00}x"));
}

/// <summary>One workload at one thread count.</summary>
/// <param name="Workload">The read/write mix.</param>
/// <param name="Threads">Threads sharing the operations.</param>
/// <param name="MonitorNs">ns per operation behind <c>lock</c> (Monitor).</param>
/// <param name="ThreadingLockNs">ns per operation behind <see cref="System.Threading.Lock"/>.</param>
/// <param name="ReaderWriterNs">ns per operation behind <see cref="ReaderWriterLockSlim"/>.</param>
public sealed record CacheLockTiming(string Workload, int Threads, double MonitorNs, double ThreadingLockNs, double ReaderWriterNs)
{
    /// <summary>The RW lock's time over the lock's: below 1 it was faster.</summary>
    public double Ratio => ReaderWriterNs / MonitorNs;
}
