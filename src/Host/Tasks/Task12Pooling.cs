using System.Buffers;
using System.Globalization;
using ActorConcurrency.Demonstrations;
using ActorConcurrency.Demonstrations.Pooling;
using ActorConcurrency.Host.Catalog;
using Spectre.Console;

namespace ActorConcurrency.Host.Tasks;

/// <summary>
/// Task 12: a 4 KiB buffer per call from <c>new</c>, from <see cref="ArrayPool{T}.Shared"/> and from a dedicated pool,
/// then the pooling hazard shown on a real pool (<see cref="PoolingExperiment"/>).
/// </summary>
internal sealed class Task12Pooling : CatalogTask
{
    public override TaskInfo Info { get; } = new(
        12,
        "Pooling",
        "sync.Pool",
        "Pooling",
        SharedStateTypes: ["ArrayPool<byte>", "DedicatedBufferPool"],
        ActorTypes: [],
        Specs: ["PoolingHazardSpec", "DedicatedBufferPoolSpec", "PoolingExperimentSpec"],
        Benchmark: "PoolingBenchmarks");

    public override Task<IDemonstrationResult> RunAsync(DemoContext context)
    {
        PoolingResult result = PoolingExperiment.Run(context.CancellationToken);
        var table = new Table().Border(TableBorder.Rounded)
            .Title($"one 4 KiB buffer per call, {result.Threads} threads (indicative)")
            .AddColumns("form", "ns per call", "bytes allocated per call");
        foreach (PoolTiming form in result.Forms)
        {
            table.AddRow(Markup.Escape(form.Form), IndicativeTimings.Ns(form.Ns), form.Bytes.ToString("0.0", CultureInfo.InvariantCulture));
        }

        context.Console.Write(table);
        IndicativeTimings.PrintCaveat(context.Console, Info.Benchmark);
        context.Console.MarkupLine(
            $"Use after return: the second renter wrote [bold]BBBBB[/]; after the first renter's stale write it reads [bold]{Markup.Escape(result.Hazard.SeenBySecondRenter)}[/] " +
            $"(same array handed out twice: {(result.Hazard.SameBuffer ? "[red]yes[/]" : "no")}).");
        return Task.FromResult<IDemonstrationResult>(result);
    }
}
