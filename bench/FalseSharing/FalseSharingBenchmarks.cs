using ActorConcurrency.Bench.Harness;
using ActorConcurrency.SharedState.FalseSharing;
using BenchmarkDotNet.Attributes;

namespace ActorConcurrency.Bench.FalseSharing;

/// <summary>
/// Task 10: two threads, each incrementing (<see cref="Interlocked.Increment(ref long)"/>) its own counter
/// of one struct, with the counters adjacent (the baseline), 64 bytes apart and 128 bytes apart. The code
/// is the same; only the distance between the fields changes. Results are per increment.
/// </summary>
[MemoryDiagnoser]
public class FalseSharingBenchmarks
{
    /// <summary>Increments per thread per invocation.</summary>
    public const int IncrementsPerThread = 5_000_000;

    private const int TotalIncrements = 2 * IncrementsPerThread;

    private readonly AdjacentCounters[] _adjacent = new AdjacentCounters[1];
    private readonly PaddedCounters64[] _padded64 = new PaddedCounters64[1];
    private readonly PaddedCounters128[] _padded128 = new PaddedCounters128[1];
    private ParallelHarness _harness = null!;

    [GlobalSetup]
    public void Setup() => _harness = new ParallelHarness(2, pinned: true);

    [GlobalCleanup]
    public void Cleanup() => _harness.Dispose();

    [Benchmark(Baseline = true, OperationsPerInvoke = TotalIncrements)]
    public void Adjacent() => _harness.Run(index => TwoThreadIncrements.Increment(_adjacent, index, IncrementsPerThread));

    [Benchmark(OperationsPerInvoke = TotalIncrements)]
    public void Padded64() => _harness.Run(index => TwoThreadIncrements.Increment(_padded64, index, IncrementsPerThread));

    [Benchmark(OperationsPerInvoke = TotalIncrements)]
    public void Padded128() => _harness.Run(index => TwoThreadIncrements.Increment(_padded128, index, IncrementsPerThread));
}
