using System.CommandLine;
using ActorConcurrency.Demonstrations;
using ActorConcurrency.Demonstrations.Rings;
using ActorConcurrency.Host.Catalog;
using Spectre.Console;

namespace ActorConcurrency.Host.Tasks;

/// <summary>
/// Task 14: the rings' full and empty edges, then one producer thread sending 0..N−1 to one consumer through each form
/// (<see cref="SpscRingExperiment"/>); the table prints what the consumer counted, the sum, the ring's wraps and a rate.
/// </summary>
internal sealed class Task14SpscRing : CatalogTask
{
    /// <summary>How many items each form moves.</summary>
    public static readonly TaskOption<int> Items = new(
        "--items", "Items moved from the producer thread to the consumer by each form", 2_000_000,
        v => v < 1 ? "must be at least 1" : null);

    /// <summary>The rings' capacity.</summary>
    public static readonly TaskOption<int> RingCapacity = new(
        "--capacity", "Ring and channel capacity (a power of two)", 1024,
        v => v < 1 || (v & (v - 1)) != 0 ? "must be a power of two" : null);

    public override TaskInfo Info { get; } = new(
        14,
        "SPSC ring buffer",
        "lock-free SPSC ring buffer",
        "Rings",
        SharedStateTypes: ["SpscRingBuffer<T>", "PaddedSpscRingBuffer<T>", "RingIndexes"],
        ActorTypes: ["StreamCountingActor (mailbox)"],
        Specs: ["SpscRingBufferSpec", "StreamCountingActorSpec", "SpscRingExperimentSpec"],
        Benchmark: "SpscBenchmarks");

    public override IReadOnlyList<Option> Options => [Items.Option, RingCapacity.Option];

    public override async Task<IDemonstrationResult> RunAsync(DemoContext context)
    {
        RingEdges edges = SpscRingExperiment.CheckEdges();
        var edgeTable = new Table().Border(TableBorder.Rounded).AddColumns("form (capacity 4)", "accepted of 5 enqueues", "dequeued", "dequeue on empty");
        foreach (RingEdge ring in edges.Forms)
        {
            edgeTable.AddRow(ring.Form, ring.Accepted.ToString(), string.Join(", ", ring.Dequeued), ring.EmptyRefused ? "refused" : "[red]returned an item[/]");
        }

        context.Console.Write(edgeTable);

        var settings = new SpscRingSettings(context.Get(Items), context.Get(RingCapacity));
        RingMoves moves = await context.StatusAsync("Moving items between threads…", status => SpscRingExperiment.MoveAsync(settings, context.ActorSystem, status, context.CancellationToken));
        var table = new Table().Border(TableBorder.Rounded).AddColumns(
            "form", "sent", "received", "sum = 0+…+(N−1)", "out of order", "ring wraps", "items/s (indicative)");
        foreach (MovedItems m in moves.Forms)
        {
            table.AddRow(
                Markup.Escape(m.Form),
                moves.Items.ToString("N0"),
                moves.Exact(m) ? $"[green]{m.Received:N0}[/]" : $"[red]{m.Received:N0}[/]",
                m.Sum == moves.ExpectedSum ? "[green]yes[/]" : $"[red]no ({m.Sum})[/]",
                m.OutOfOrder == 0 ? "[green]0[/]" : $"[red]{m.OutOfOrder}[/]",
                m.Wraps is { } wraps ? $"{wraps:N0}" : "—",
                $"{m.ItemsPerSecond:N0}");
        }

        context.Console.Write(table);
        context.Console.MarkupLine("[grey]Rates are one indicative run on a shared machine; SpscBenchmarks measures them properly, beside a native C++ ring of the same design (targets: batches ≥5× the bounded channel and ≥3× the simple ring; item by item ≥0.8× the native ring).[/]");
        return new SpscRingResult(edges, moves);
    }
}
