using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using ActorConcurrency.Demonstrations;
using ActorConcurrency.Host.Catalog;
using ActorConcurrency.SharedState.Pooling;
using Spectre.Console;

namespace ActorConcurrency.Host.Tasks;

/// <summary>
/// Task 12: a 4 KiB buffer per call from <c>new</c>, from <see cref="ArrayPool{T}.Shared"/> and from a
/// <see cref="DedicatedBufferPool"/>: time and bytes allocated per call, then the pooling hazard shown
/// on a real pool — a buffer written after its return lands in the next renter's data.
/// </summary>
internal sealed class Task12Pooling : CatalogTask
{
    private const int BufferSize = 4096;
    private const int Operations = 100_000;

    public override TaskInfo Info { get; } = new(
        12,
        "Pooling",
        "sync.Pool",
        "Pooling",
        SharedStateTypes: ["ArrayPool<byte>", "DedicatedBufferPool"],
        ActorTypes: [],
        Specs: ["PoolingHazardSpec", "DedicatedBufferPoolSpec"],
        Benchmark: "PoolingBenchmarks");

    public override Task<IDemonstrationResult> RunAsync(DemoContext context)
    {
        int threads = Environment.ProcessorCount;
        var dedicated = new DedicatedBufferPool(BufferSize, capacity: 4 * threads);
        var forms = new (string Name, Action<int, int> Body)[]
        {
            ("new byte[4096]", (_, ops) => { for (int i = ops; i > 0; i--) { Use(new byte[BufferSize]); } }),
            ("ArrayPool<byte>.Shared", (_, ops) => RentUseReturn(ArrayPool<byte>.Shared, ops)),
            ("DedicatedBufferPool", (_, ops) => RentUseReturn(dedicated, ops)),
        };

        var table = new Table().Border(TableBorder.Rounded)
            .Title($"one 4 KiB buffer per call, {threads} threads (indicative)")
            .AddColumns("form", "ns per call", "bytes allocated per call");
        var measured = new List<(string Name, double Ns, double Bytes)>();
        foreach (var (name, body) in forms)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            body(0, 100); // warm the pool, so the table shows steady state
            var (ns, bytes) = QuickMeasurement.Measure(threads, Operations, body);
            measured.Add((name, ns, bytes));
            table.AddRow(Markup.Escape(name), Task07ReadWriteLock.Ns(ns), bytes.ToString("0.0", CultureInfo.InvariantCulture));
        }

        context.Console.Write(table);
        QuickMeasurement.PrintCaveat(context.Console, Info.Benchmark);

        // The hazard, forced on a real pool: rent, write, return, keep the reference and write again.
        var pool = new DedicatedBufferPool(BufferSize, capacity: 1);
        byte[] first = pool.Rent(BufferSize);
        first.AsSpan(0, 5).Fill((byte)'A');
        pool.Return(first);
        byte[] second = pool.Rent(BufferSize);
        second.AsSpan(0, 5).Fill((byte)'B'); // the new renter's data
        first[0] = (byte)'X'; // the old renter, still holding its stale reference
        string seen = System.Text.Encoding.ASCII.GetString(second, 0, 5);
        bool sameBuffer = ReferenceEquals(first, second);
        context.Console.MarkupLine(
            $"Use after return: the second renter wrote [bold]BBBBB[/]; after the first renter's stale write it reads [bold]{Markup.Escape(seen)}[/] " +
            $"(same array handed out twice: {(sameBuffer ? "[red]yes[/]" : "no")}).");

        double allocating = measured[0].Bytes;
        bool held = sameBuffer && seen[0] == 'X' && measured[1].Bytes < allocating / 100 && measured[2].Bytes < allocating / 100;
        return Task.FromResult<IDemonstrationResult>(new DemoOutcome(
            held,
            $"bytes/call: new {measured[0].Bytes:0}, ArrayPool.Shared {measured[1].Bytes:0.0}, dedicated {measured[2].Bytes:0.0} ({QuickMeasurement.Qualifier}); stale write seen by next renter: {seen}"));
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
