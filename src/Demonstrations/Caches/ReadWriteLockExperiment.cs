using ActorConcurrency.SharedState.Caches;

namespace ActorConcurrency.Demonstrations.Caches;

/// <summary>
/// Task 7: a cache behind <c>lock</c>, behind <see cref="System.Threading.Lock"/> and behind
/// <see cref="ReaderWriterLockSlim"/>, timed (<see cref="QuickMeasurement"/>) for each read/write mix at 1 thread and
/// every core; after each cell every form must still hold every key.
/// </summary>
public static class ReadWriteLockExperiment
{
    /// <summary>Operations per measured cell: a few milliseconds each, the whole table in about a second.</summary>
    private const int Operations = 200_000;

    /// <summary>Times every workload at 1 thread and at <see cref="Environment.ProcessorCount"/> threads.</summary>
    public static ReadWriteLockResult Run(CancellationToken cancellationToken)
    {
        IReadOnlyList<int> threadCounts = QuickMeasurement.ThreadCounts;
        var rows = new List<CacheLockTiming>();
        bool consistent = true;
        foreach (CacheWorkload workload in CacheWorkload.All)
        {
            foreach (int threads in threadCounts)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var monitor = new MonitorCache<int, int>();
                var threadingLock = new ThreadingLockCache<int, int>();
                using var readerWriter = new ReaderWriterLockCache<int, int>();
                double m = Time(monitor, workload, threads);
                double l = Time(threadingLock, workload, threads);
                double rw = Time(readerWriter, workload, threads);

                // Every form ran the same operations over the same keys: each must still hold every key.
                consistent &= monitor.Count == CacheWorkload.KeySpace && threadingLock.Count == CacheWorkload.KeySpace && readerWriter.Count == CacheWorkload.KeySpace;
                rows.Add(new CacheLockTiming(workload.Name, threads, m, l, rw));
            }
        }

        return new ReadWriteLockResult(threadCounts[^1], rows, consistent);
    }

    private static double Time(ICache<int, int> cache, CacheWorkload workload, int threads)
    {
        CacheWorkload.Fill(cache);
        return QuickMeasurement.Measure(threads, Operations, (worker, ops) => workload.Run(cache, worker, ops)).NsPerOp;
    }
}
