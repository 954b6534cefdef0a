using ActorConcurrency.SharedState.Lru;
using ActorConcurrency.SharedState.Rings;
using Akka.Actor;

namespace ActorConcurrency.PropertyChecks;

/// <summary>Every task-15 property, in the order <c>run 15</c> runs them; the specs run the same ones one by one.</summary>
public static class PropertySuite
{
    /// <summary>One property: its name and how to run it on an actor system with a budget.</summary>
    public sealed record Entry(string Name, Func<ActorSystem, PropertyBudget, PropertyResult> Run);

    public static IReadOnlyList<Entry> All { get; } =
    [
        new("LruCache: model-based", (_, b) => LruProperties.ModelBased("LruCache: model-based", c => new LruCache<int, int>(c), b)),
        new("ClockLruCache: model-based (CLOCK model)", (_, b) => LruProperties.ModelBased(
            "ClockLruCache: model-based (CLOCK model)", c => new ClockLruCache<int, int>(c), b, (c, t) => new ClockModel(c, t))),
        new("LruActor: model-based", LruProperties.ModelBasedActor),
        new("LruCache: linearizable (SampleParallel)", (_, b) => LruProperties.Linearizable(
            "LruCache: linearizable (SampleParallel)", c => new LruCache<int, int>(c), c => c, b)),
        new("ClockLruCache: linearizable, no eviction (SampleParallel)", (_, b) => LruProperties.Linearizable(
            "ClockLruCache: linearizable, no eviction (SampleParallel)", c => new ClockLruCache<int, int>(c), _ => LruProperties.KeySpace, b, (c, t) => new ClockModel(c, t))),
        new("LruActor: linearizable (SampleParallel)", LruProperties.LinearizableActor),
        new("SpscRingBuffer: linearizable (SampleParallel)", (_, b) => RingProperties.Linearizable(
            "SpscRingBuffer: linearizable (SampleParallel)", c => new SpscRingBuffer<int>(c), b)),
        new("PaddedSpscRingBuffer: linearizable (SampleParallel)", (_, b) => RingProperties.Linearizable(
            "PaddedSpscRingBuffer: linearizable (SampleParallel)", c => new PaddedSpscRingBuffer<int>(c), b)),
        new("PaddedSpscRingBuffer with batches: model-based", (_, b) => RingProperties.ModelBased(
            "PaddedSpscRingBuffer with batches: model-based", c => new PaddedSpscRingBuffer<int>(c), b)),
    ];
}
