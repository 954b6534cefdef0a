using System.Collections.Concurrent;
using ActorConcurrency.Bench.Harness;
using ActorConcurrency.SharedState.Maps;
using BenchmarkDotNet.Attributes;

namespace ActorConcurrency.Bench.Maps;

/// <summary>
/// Task 8: one map operation on <see cref="ConcurrentDictionary{TKey,TValue}"/> (the baseline) and on 16
/// shards of <see cref="Dictionary{TKey,TValue}"/> + lock (<see cref="ShardedDictionary{TKey,TValue}"/>),
/// read-heavy and write-heavy (<see cref="MapWorkload"/>), at 1 thread and
/// <see cref="Environment.ProcessorCount"/> threads. Results are per operation.
/// </summary>
[MemoryDiagnoser]
public class MapBenchmarks
{
    /// <summary>Operations per invocation, over all threads.</summary>
    public const int Operations = 100_000;

    private ParallelHarness _harness = null!;
    private MapWorkload _workload = null!;
    private ConcurrentDictionary<int, int> _concurrent = null!;
    private ShardedDictionary<int, int> _sharded = null!;

    /// <summary>read-heavy (90% reads) or write-heavy (90% writes).</summary>
    [ParamsSource(nameof(Workloads))]
    public string Workload { get; set; } = "";

    [ParamsSource(typeof(ThreadCounts), nameof(ThreadCounts.OneAndAllCores))]
    public int Threads { get; set; }

    public static IEnumerable<string> Workloads => MapWorkload.All.Select(w => w.Name);

    [GlobalSetup]
    public void Setup()
    {
        _workload = MapWorkload.Parse(Workload);
        _harness = new ParallelHarness(Threads, pinned: true);
        _concurrent = new ConcurrentDictionary<int, int>();
        _sharded = new ShardedDictionary<int, int>();
        MapWorkload.Fill(_concurrent);
        MapWorkload.Fill(_sharded);
    }

    [GlobalCleanup]
    public void Cleanup() => _harness.Dispose();

    [Benchmark(Baseline = true, OperationsPerInvoke = Operations)]
    public void ConcurrentDictionary() =>
        _harness.Run(index => _workload.Run(_concurrent, index, _harness.ShareOf(Operations, index)));

    [Benchmark(OperationsPerInvoke = Operations)]
    public void ShardedDictionary16() =>
        _harness.Run(index => _workload.Run(_sharded, index, _harness.ShareOf(Operations, index)));
}
