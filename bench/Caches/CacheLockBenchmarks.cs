using ActorConcurrency.Bench.Harness;
using ActorConcurrency.SharedState.Caches;
using BenchmarkDotNet.Attributes;

namespace ActorConcurrency.Bench.Caches;

/// <summary>
/// Task 7: one cache operation behind <c>lock</c> (<see cref="Monitor"/>, the baseline), behind
/// <see cref="System.Threading.Lock"/> and behind <see cref="ReaderWriterLockSlim"/>, for four read/write
/// mixes (<see cref="CacheWorkload"/>) at 1 thread and <see cref="Environment.ProcessorCount"/> threads.
/// Each invocation performs <see cref="Operations"/> operations split across the threads of a
/// <see cref="ParallelHarness"/>; results are per operation.
/// </summary>
[MemoryDiagnoser]
public class CacheLockBenchmarks
{
    /// <summary>Operations per invocation, over all threads.</summary>
    public const int Operations = 100_000;

    private ParallelHarness _harness = null!;
    private CacheWorkload _workload = null!;
    private MonitorCache<int, int> _monitor = null!;
    private ThreadingLockCache<int, int> _lock = null!;
    private ReaderWriterLockCache<int, int> _readerWriter = null!;

    /// <summary>The read/write mix: read-only, 99/1, 90/10 or 50/50.</summary>
    [ParamsSource(nameof(Workloads))]
    public string Workload { get; set; } = "";

    [ParamsSource(typeof(ThreadCounts), nameof(ThreadCounts.OneAndAllCores))]
    public int Threads { get; set; }

    public static IEnumerable<string> Workloads => CacheWorkload.All.Select(w => w.Name);

    [GlobalSetup]
    public void Setup()
    {
        _workload = CacheWorkload.Parse(Workload);
        _harness = new ParallelHarness(Threads, pinned: true);
        _monitor = new MonitorCache<int, int>();
        _lock = new ThreadingLockCache<int, int>();
        _readerWriter = new ReaderWriterLockCache<int, int>();
        CacheWorkload.Fill(_monitor);
        CacheWorkload.Fill(_lock);
        CacheWorkload.Fill(_readerWriter);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _harness.Dispose();
        _readerWriter.Dispose();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Operations)]
    public void MonitorLock() => RunEverywhere(_monitor);

    [Benchmark(OperationsPerInvoke = Operations)]
    public void ThreadingLock() => RunEverywhere(_lock);

    [Benchmark(OperationsPerInvoke = Operations)]
    public void ReaderWriterLock() => RunEverywhere(_readerWriter);

    private void RunEverywhere(ICache<int, int> cache) =>
        _harness.Run(index => _workload.Run(cache, index, _harness.ShareOf(Operations, index)));
}
