using System.Buffers;
using System.Runtime.CompilerServices;
using ActorConcurrency.SharedState.Pooling;

namespace ActorConcurrency.Demonstrations.Pooling;

/// <summary>
/// Task 12: a 4 KiB buffer per call from <c>new</c>, from <see cref="ArrayPool{T}.Shared"/> and from a
/// <see cref="DedicatedBufferPool"/>: time and bytes allocated per call (<see cref="QuickMeasurement"/>), then the
/// pooling hazard shown on a real pool — a buffer written after its return lands in the next renter's data.
/// </summary>
public static class PoolingExperiment
{
    private const int BufferSize = 4096;
    private const int Operations = 100_000;

    /// <summary>Times the three forms on every core, then forces the use after return.</summary>
    public static PoolingResult Run(CancellationToken cancellationToken)
    {
        int threads = Environment.ProcessorCount;
        var dedicated = new DedicatedBufferPool(BufferSize, capacity: 4 * threads);
        var forms = new (string Name, Action<int, int> Body)[]
        {
            ("new byte[4096]", (_, ops) => { for (int i = ops; i > 0; i--) { Use(new byte[BufferSize]); } }),
            ("ArrayPool<byte>.Shared", (_, ops) => RentUseReturn(ArrayPool<byte>.Shared, ops)),
            ("DedicatedBufferPool", (_, ops) => RentUseReturn(dedicated, ops)),
        };

        var measured = new List<PoolTiming>();
        foreach (var (name, body) in forms)
        {
            cancellationToken.ThrowIfCancellationRequested();
            body(0, 100); // warm the pool, so the figures show steady state
            var (ns, bytes) = QuickMeasurement.Measure(threads, Operations, body);
            measured.Add(new PoolTiming(name, ns, bytes));
        }

        return new PoolingResult(threads, measured, UseAfterReturn());
    }

    /// <summary>The hazard, forced on a real pool: rent, write, return, keep the reference and write again.</summary>
    private static PoolHazard UseAfterReturn()
    {
        var pool = new DedicatedBufferPool(BufferSize, capacity: 1);
        byte[] first = pool.Rent(BufferSize);
        first.AsSpan(0, 5).Fill((byte)'A');
        pool.Return(first);
        byte[] second = pool.Rent(BufferSize);
        second.AsSpan(0, 5).Fill((byte)'B'); // the new renter's data
        first[0] = (byte)'X'; // the old renter, still holding its stale reference
        return new PoolHazard(System.Text.Encoding.ASCII.GetString(second, 0, 5), ReferenceEquals(first, second));
    }

    private static void RentUseReturn(ArrayPool<byte> pool, int count)
    {
        for (int i = count; i > 0; i--)
        {
            byte[] buffer = pool.Rent(BufferSize);
            Use(buffer);
            pool.Return(buffer);
        }
    }

    /// <summary>Not inlined, so the buffer escapes and the JIT cannot stack-allocate it.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Use(byte[] buffer)
    {
        buffer[0]++;
        buffer[^1]++;
    }
}
