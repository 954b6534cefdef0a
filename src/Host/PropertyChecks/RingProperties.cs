using ActorConcurrency.SharedState.Rings;
using CsCheck;

namespace ActorConcurrency.Host.PropertyChecks;

/// <summary>
/// Task 15, the ring: linearizability of an SPSC ring under CsCheck's SampleParallel. Single and batch
/// enqueues race with single and batch dequeues (see <see cref="RingSubject"/> for how the SPSC contract is
/// kept); the results as a multiset and the items left must match some sequential order on a bounded queue.
/// Capacities 1, 2, 4 and 8 keep full and empty edges frequent.
/// </summary>
internal static class RingProperties
{
    public static PropertyResult Linearizable(string name, Func<int, ISpscQueue<int>> create, PropertyBudget budget) =>
        LruProperties.Run(name, writeLine => Check.SampleParallel(
            Gen.Int[0, 3].Select(power => 1 << power).Select(capacity => (new RingSubject(create(capacity)), new RingModel(capacity))),
            [
                Gen.Int[0, 99].Operation<RingSubject, RingModel>(
                    item => $"TryEnqueue({item})", (actual, item) => actual.TryEnqueue(item), (model, item) => model.TryEnqueue(item)),
                Gen.Operation<RingSubject, RingModel>("TryDequeue()", actual => actual.TryDequeue(), model => model.TryDequeue()),
                Gen.Int[0, 99].Array[1, 4].Operation<RingSubject, RingModel>(
                    items => $"TryEnqueueMany([{string.Join(",", items)}])", (actual, items) => actual.TryEnqueueMany(items), (model, items) => model.TryEnqueueMany(items)),
                Gen.Int[1, 4].Operation<RingSubject, RingModel>(
                    max => $"TryDequeueMany({max})", (actual, max) => actual.TryDequeueMany(max), (model, max) => model.TryDequeueMany(max)),
            ],
            equal: (actual, model) =>
                actual.Log.Order(StringComparer.Ordinal).SequenceEqual(model.Log.Order(StringComparer.Ordinal))
                && actual.Remaining().SequenceEqual(model.Remaining()),
            iter: budget.Iter,
            time: budget.Time,
            printActual: actual => actual.ToString()!,
            printModel: model => model.ToString()!,
            writeLine: writeLine));
}
