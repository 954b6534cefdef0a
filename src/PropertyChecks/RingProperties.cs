using ActorConcurrency.SharedState.Rings;
using CsCheck;

namespace ActorConcurrency.PropertyChecks;

/// <summary>
/// Task 15, the ring, under CsCheck. Capacities 1, 2, 4 and 8 keep full and empty edges frequent.
/// <list type="bullet">
/// <item>Linearizable (SampleParallel): single-item enqueues race with single-item dequeues (see
/// <see cref="RingSubject"/> for how the SPSC contract is kept); the results as a multiset and the items
/// left must match some sequential order on a bounded queue.</item>
/// <item>Model-based (sequential): single and batch operations against the same bounded queue, result by
/// result. Batches are left out of the parallel property on purpose: a partial batch decides its count from
/// the other side's index read at one moment and publishes at another, so a batch racing the other side is
/// not one atomic step (a producer may enqueue 1 of 2 items while the consumer is halfway through freeing a
/// slot). Each item still moves in FIFO order, exactly once: the stream specs check that.</item>
/// </list>
/// </summary>
internal static class RingProperties
{
    public static PropertyResult Linearizable(string name, Func<int, ISpscQueue<int>> create, PropertyBudget budget) =>
        LruProperties.Run(name, writeLine => Check.SampleParallel(
            Capacities(create),
            SingleItemOperations,
            equal: (actual, model) =>
                actual.Log.Order(StringComparer.Ordinal).SequenceEqual(model.Log.Order(StringComparer.Ordinal))
                && actual.Remaining().SequenceEqual(model.Remaining()),
            iter: budget.Iter,
            time: budget.Time,
            printActual: actual => actual.ToString()!,
            printModel: model => model.ToString()!,
            writeLine: writeLine));

    public static PropertyResult ModelBased(string name, Func<int, ISpscQueue<int>> create, PropertyBudget budget) =>
        LruProperties.Run(name, writeLine => Check.SampleModelBased(
            Capacities(create),
            [.. SingleItemOperations, .. BatchOperations],
            equal: (actual, model) => actual.Log.SequenceEqual(model.Log) && actual.Remaining().SequenceEqual(model.Remaining()),
            iter: budget.Iter,
            time: budget.Time,
            printActual: actual => actual.ToString()!,
            printModel: model => model.ToString()!,
            writeLine: writeLine));

    private static Gen<(RingSubject, RingModel)> Capacities(Func<int, ISpscQueue<int>> create) =>
        Gen.Int[0, 3].Select(power => 1 << power).Select(capacity => (new RingSubject(create(capacity)), new RingModel(capacity)));

    private static readonly GenOperation<RingSubject, RingModel>[] SingleItemOperations =
    [
        Gen.Int[0, 99].Operation<RingSubject, RingModel>(
            item => $"TryEnqueue({item})", (actual, item) => actual.TryEnqueue(item), (model, item) => model.TryEnqueue(item)),
        Gen.Operation<RingSubject, RingModel>("TryDequeue()", actual => actual.TryDequeue(), model => model.TryDequeue()),
    ];

    private static readonly GenOperation<RingSubject, RingModel>[] BatchOperations =
    [
        Gen.Int[0, 99].Array[1, 4].Operation<RingSubject, RingModel>(
            items => $"TryEnqueueMany([{string.Join(",", items)}])", (actual, items) => actual.TryEnqueueMany(items), (model, items) => model.TryEnqueueMany(items)),
        Gen.Int[1, 4].Operation<RingSubject, RingModel>(
            max => $"TryDequeueMany({max})", (actual, max) => actual.TryDequeueMany(max), (model, max) => model.TryDequeueMany(max)),
    ];
}
