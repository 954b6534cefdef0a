using System.CommandLine;
using ActorConcurrency.Demonstrations;
using ActorConcurrency.Demonstrations.Counters;
using ActorConcurrency.Host.Catalog;

namespace ActorConcurrency.Host.Tasks;

/// <summary>Task 4: the race fixed by communication: a channel with one counting reader, beside the owner actor.</summary>
internal sealed class Task04Channel : CatalogTask
{
    public override TaskInfo Info { get; } = new(
        4,
        "Fix with a channel",
        "fix the race with a channel",
        "Counters",
        SharedStateTypes: ["ChannelCounter"],
        ActorTypes: ["CounterActor"],
        Specs: ["FixedCounterSpec", "CounterActorSpec", "CounterExperimentSpec", "CounterDetectionSpec"],
        Benchmark: "CounterBenchmarks");

    public override IReadOnlyList<Option> Options => CounterTable.Options;

    /// <summary>
    /// The channel and the actor, then the race detector over tasks 2–4 written with tracked primitives
    /// (atomic, mutex, channel): it must report no race for any of them.
    /// </summary>
    public override async Task<IDemonstrationResult> RunAsync(DemoContext context)
    {
        CounterRuns counted = await CounterTable.MeasureAsync(context, CounterForm.Communication(context.ActorSystem));
        TrackedCounterDetection detector = CounterDetection.TrackedCounters(context.Get(RunOptions.Tasks));
        DetectorTables.Print(context.Console, detector);
        return new CommunicationResult(counted, detector);
    }
}
