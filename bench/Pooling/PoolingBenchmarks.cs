using System.Buffers;
using System.Runtime.CompilerServices;
using ActorConcurrency.Bench.Harness;
using ActorConcurrency.SharedState.Pooling;
using BenchmarkDotNet.Attributes;

namespace ActorConcurrency.Bench.Pooling;

/// <summary>
/// Task 12: getting a 4 KiB buffer, using it and letting it go — <c>new byte[4096]</c> every time (the
/// baseline), <see cref="ArrayPool{T}.Shared"/>, and a <see cref="DedicatedBufferPool"/> — at 1 thread and
/// <see cref="Environment.ProcessorCount"/> threads. The allocated-bytes column is the point: per
/// operation it is the whole buffer for the baseline and zero for the pools once warm.
/// </summary>
[MemoryDiagnoser]
public class PoolingBenchmarks
{
    /// <summary>Buffer size of the exercise.</summary>
    public const int BufferSize = 4096;

    /// <summary>Buffers per invocation, over all threads.</summary>
    public const int Operations = 10_000;

    private ParallelHarness _harness = null!;
    private DedicatedBufferPool _dedicated = null!;

    [ParamsSource(typeof(ThreadCounts), nameof(ThreadCounts.OneAndAllCores))]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _harness = new ParallelHarness(Threads, pinned: true);
        _dedicated = new DedicatedBufferPool(BufferSize, capacity: 4 * Environment.ProcessorCount);
    }

    [GlobalCleanup]
    public void Cleanup() => _harness.Dispose();

    [Benchmark(Baseline = true, OperationsPerInvoke = Operations)]
    public void NewArray() => _harness.Run(index =>
    {
        for (int i = _harness.ShareOf(Operations, index); i > 0; i--)
        {
            Use(new byte[BufferSize], i);
        }
    });

    [Benchmark(OperationsPerInvoke = Operations)]
    public void SharedArrayPool() => _harness.Run(index => RentUseReturn(ArrayPool<byte>.Shared, _harness.ShareOf(Operations, index)));

    [Benchmark(OperationsPerInvoke = Operations)]
    public void DedicatedPool() => _harness.Run(index => RentUseReturn(_dedicated, _harness.ShareOf(Operations, index)));

    private static void RentUseReturn(ArrayPool<byte> pool, int count)
    {
        for (int i = count; i > 0; i--)
        {
            byte[] buffer = pool.Rent(BufferSize);
            Use(buffer, i);
            pool.Return(buffer);
        }
    }

    /// <summary>Touches the buffer; not inlined, so the buffer escapes and the JIT cannot stack-allocate the baseline's array.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Use(byte[] buffer, int i)
    {
        buffer[0] = (byte)i;
        buffer[^1] = (byte)i;
    }
}
