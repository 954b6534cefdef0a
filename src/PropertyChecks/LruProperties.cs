using System.Collections.Concurrent;
using System.Diagnostics;
using ActorConcurrency.Actors.Lru;
using ActorConcurrency.SharedState.Lru;
using Akka.Actor;
using CsCheck;

namespace ActorConcurrency.PropertyChecks;

/// <summary>
/// Task 15: the LRU properties, run by the specs (LruPropertySpec) in CI and by <c>run 15</c>. A failure
/// throws a <see cref="PropertyFailedException"/>: the property's name, the seed, and CsCheck's shrunk, minimal failing sequence.
/// <list type="bullet">
/// <item>Model-based: random sequences of TryGet/Set/Remove over <see cref="KeySpace"/> keys (more than any
/// capacity, so evictions are frequent) on a form and on <see cref="LruModel"/>; after every operation the
/// result and the recency order must agree, and after the sequence every invariant must hold.</item>
/// <item>Linearizable: CsCheck's SampleParallel runs a random prefix, then operations in parallel; the
/// results (as a multiset), the final state and the invariants must match some sequential order on the
/// model.</item>
/// </list>
/// </summary>
internal static class LruProperties
{
    /// <summary>Keys 0..7; capacities 1..<see cref="MaxCapacity"/>.</summary>
    public const int KeySpace = 8;

    public const int MaxCapacity = 5;

    /// <summary>
    /// Model-based property of a shared-memory form, against <see cref="LruModel"/> (exact recency) or, with
    /// <paramref name="model"/>, another sequential model (<see cref="ClockModel"/> for the CLOCK form).
    /// </summary>
    public static PropertyResult ModelBased(
        string name, Func<int, ILruCache<int, int>> create, PropertyBudget budget, Func<int, bool, LruSubject>? model = null) =>
        SampleModelBased(
            name,
            Gen.Int[1, MaxCapacity].Select(capacity => (new CacheSubject(create(capacity), traceOrder: true), ModelOf(model, capacity, traceOrder: true))),
            budget);

    /// <summary>Model-based property of the owner actor, every operation an Ask.</summary>
    public static PropertyResult ModelBasedActor(ActorSystem system, PropertyBudget budget) =>
        WithSpawnedActors(system, spawn => SampleModelBased(
            "LruActor: model-based",
            Gen.Int[1, MaxCapacity].Select(capacity => (spawn(capacity, true), (LruSubject)new LruModel(capacity, traceOrder: true))),
            budget));

    /// <summary>
    /// Linearizability of a shared-memory form. <paramref name="capacityOf"/> picks the capacity from a
    /// random 1..<see cref="MaxCapacity"/>: the CLOCK form may lose a hit's reference bit to a racing sweep,
    /// so its property uses a capacity of <see cref="KeySpace"/> (no eviction; see docs/lru.md) and
    /// <paramref name="model"/> = <see cref="ClockModel"/>.
    /// </summary>
    public static PropertyResult Linearizable(
        string name, Func<int, ILruCache<int, int>> create, Func<int, int> capacityOf, PropertyBudget budget, Func<int, bool, LruSubject>? model = null) =>
        SampleLinearizable(
            name,
            Gen.Int[1, MaxCapacity].Select(capacityOf).Select(capacity => (new CacheSubject(create(capacity), traceOrder: false), ModelOf(model, capacity, traceOrder: false))),
            budget);

    /// <summary>Linearizability of the owner actor: Asks from several threads at once.</summary>
    public static PropertyResult LinearizableActor(ActorSystem system, PropertyBudget budget) =>
        WithSpawnedActors(system, spawn => SampleLinearizable(
            "LruActor: linearizable (SampleParallel)",
            Gen.Int[1, MaxCapacity].Select(capacity => (spawn(capacity, false), (LruSubject)new LruModel(capacity, traceOrder: false))),
            budget));

    private static LruSubject ModelOf(Func<int, bool, LruSubject>? model, int capacity, bool traceOrder) =>
        model is null ? new LruModel(capacity, traceOrder) : model(capacity, traceOrder);

    /// <summary>Runs one CsCheck property; a failure becomes a <see cref="PropertyFailedException"/> naming the property and its seed.</summary>
    /// <exception cref="PropertyFailedException">The property did not hold.</exception>
    internal static PropertyResult Run(string name, Action<Action<string>> sample)
    {
        var lines = new List<string>();
        var stopwatch = Stopwatch.StartNew();
        try
        {
            sample(line =>
            {
                lock (lines)
                {
                    lines.Add(line);
                }
            });
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            throw new PropertyFailedException(name, failure);
        }

        return new PropertyResult(name, string.Join(" ", lines).Trim(), stopwatch.Elapsed);
    }

    /// <summary>Sequential: every operation on a form and on the model, then the traces and invariants compared.</summary>
    private static PropertyResult SampleModelBased<TActual>(string name, Gen<(TActual, LruSubject)> initial, PropertyBudget budget)
        where TActual : class, ILruSubject =>
        Run(name, writeLine => initial.SampleModelBased(
            Operations<TActual, LruSubject>(),
            equal: SameTraceAndInvariantsHold,
            iter: budget.Iter,
            time: budget.Time,
            printActual: Print,
            printModel: Print,
            writeLine: writeLine));

    /// <summary>Parallel: a random prefix, then operations in parallel; some sequential order must explain the outcome.</summary>
    private static PropertyResult SampleLinearizable<TActual>(string name, Gen<(TActual, LruSubject)> initial, PropertyBudget budget)
        where TActual : class, ILruSubject =>
        Run(name, writeLine => initial.SampleParallel(
            Operations<TActual, LruSubject>(),
            equal: SameOutcome,
            iter: budget.Iter,
            time: budget.Time,
            printActual: Print,
            printModel: Print,
            writeLine: writeLine));

    /// <summary>
    /// Runs a property whose generator makes one actor subject per generated case (arguments: capacity, whether
    /// to trace the recency order; the actor is spawned when the subject is first used) and stops every actor
    /// spawned when the property ends, passed or not.
    /// </summary>
    private static PropertyResult WithSpawnedActors(ActorSystem system, Func<Func<int, bool, ActorSubject>, PropertyResult> property)
    {
        var spawned = new ConcurrentBag<IActorRef>();
        try
        {
            return property((capacity, traceOrder) => new ActorSubject(
                () =>
                {
                    IActorRef actor = system.ActorOf(LruActor<int, int>.Props(capacity));
                    spawned.Add(actor);
                    return actor;
                },
                traceOrder));
        }
        finally
        {
            foreach (IActorRef actor in spawned)
            {
                system.Stop(actor);
            }
        }
    }

    private static GenOperation<TActual, TModel>[] Operations<TActual, TModel>()
        where TActual : ILruSubject
        where TModel : ILruSubject =>
    [
        Gen.Int[0, KeySpace - 1].Operation<TActual, TModel>(
            key => $"TryGet({key})", (actual, key) => actual.TryGet(key), (model, key) => model.TryGet(key)),
        Gen.Select(Gen.Int[0, KeySpace - 1], Gen.Int[0, 9]).Operation<TActual, TModel>(
            kv => $"Set({kv.Item1},{kv.Item2})", (actual, kv) => actual.Set(kv.Item1, kv.Item2), (model, kv) => model.Set(kv.Item1, kv.Item2)),
        Gen.Int[0, KeySpace - 1].Operation<TActual, TModel>(
            key => $"Remove({key})", (actual, key) => actual.Remove(key), (model, key) => model.Remove(key)),
    ];

    /// <summary>Sequential: identical results and recency order after every operation, and no broken invariant.</summary>
    private static bool SameTraceAndInvariantsHold(ILruSubject actual, ILruSubject model) =>
        actual.Log.SequenceEqual(model.Log) && actual.BrokenInvariants().Count == 0;

    /// <summary>Parallel: the same results as a multiset (the parallel order is unknown), the same final state, no broken invariant.</summary>
    private static bool SameOutcome(ILruSubject actual, ILruSubject model) =>
        actual.Log.Order(StringComparer.Ordinal).SequenceEqual(model.Log.Order(StringComparer.Ordinal))
        && actual.FinalState().SequenceEqual(model.FinalState())
        && actual.BrokenInvariants().Count == 0;

    /// <summary>A subject for CsCheck's report; a state that cannot be read (an actor that stopped) is reported as such, so the report still carries the seed and the example.</summary>
    private static string Print(ILruSubject subject)
    {
        string state;
        try
        {
            state = $"final=[{string.Join(",", subject.FinalState())}] broken=[{string.Join(", ", subject.BrokenInvariants())}]";
        }
        catch (Exception error)
        {
            state = $"final state unreadable: {error.GetType().Name}: {error.Message}";
        }

        return $"{subject}{Environment.NewLine}{state}";
    }
}
