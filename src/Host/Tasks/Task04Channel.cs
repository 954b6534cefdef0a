using System.CommandLine;
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
        Specs: ["FixedCounterSpec", "CounterActorSpec"],
        Benchmark: "CounterBenchmarks");

    public override IReadOnlyList<Option> Options => [RunOptions.Runs.Option, RunOptions.Tasks.Option];

    public override async Task<DemoOutcome> RunAsync(DemoContext context) =>
        CounterDemo.ExactOutcome(await CounterDemo.MeasureAsync(context, CounterDemo.Channel, CounterDemo.Actor));
}
