using System.Collections.Concurrent;
using ActorConcurrency.SharedState.Maps;

namespace ActorConcurrency.Demonstrations.Maps;

/// <summary>
/// Task 8: <see cref="ConcurrentDictionary{TKey,TValue}"/> against 16 shards of <see cref="Dictionary{TKey,TValue}"/> +
/// lock, read-heavy and write-heavy, timed (<see cref="QuickMeasurement"/>) at 1 thread and every core.
/// </summary>
public static class ShardedMapExperiment
{
    private const int Operations = 300_000;

    /// <summary>Times every workload at 1 thread and at <see cref="Environment.ProcessorCount"/> threads.</summary>
    public static ShardedMapResult Run(CancellationToken cancellationToken)
    {
        IReadOnlyList<int> threadCounts = QuickMeasurement.ThreadCounts;
        var rows = new List<MapTiming>();
        bool consistent = true;
        foreach (MapWorkload workload in MapWorkload.All)
        {
            foreach (int threads in threadCounts)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var concurrent = new ConcurrentDictionary<int, int>();
                var sharded = new ShardedDictionary<int, int>();
                MapWorkload.Fill(concurrent);
                MapWorkload.Fill(sharded);
                double cd = QuickMeasurement.Measure(threads, Operations, (w, ops) => workload.Run(concurrent, w, ops)).NsPerOp;
                double sh = QuickMeasurement.Measure(threads, Operations, (w, ops) => workload.Run(sharded, w, ops)).NsPerOp;
                consistent &= concurrent.Count == MapWorkload.KeySpace && sharded.Count == MapWorkload.KeySpace;
                rows.Add(new MapTiming(workload.Name, threads, cd, sh));
            }
        }

        return new ShardedMapResult(threadCounts[^1], rows, consistent);
    }
}
