using ActorConcurrency.PropertyChecks;
using ActorConcurrency.SharedState.Lru;
using ActorConcurrency.Tests.Lru;

namespace ActorConcurrency.Tests.PropertyChecks;

/// <summary>
/// Task 15: the property harness itself. CsCheck's SampleParallel checks linearizability by replaying the
/// model along every interleaving in a <c>Parallel.ForEach</c> and calls <c>equal(actual, model)</c> from
/// each of those threads, so one subject's <see cref="ILruSubject.FinalState"/> is called from several
/// threads at once. Its snapshot issues Gets, which promote; it must be taken exactly once.
/// </summary>
public sealed class LruSubjectSpec
{
    /// <summary>
    /// Forces the interleaving that made "LruActor: linearizable" fail (seed 5_kLKZ4Fwa-1): the first caller
    /// reads the order (least recent first) [2,1] and promotes 2, then a second caller reads [1,2] and restores
    /// it, leaving 2 as the most recent and caching [1=1,2=1], a state no linearization reaches.
    /// </summary>
    [Fact]
    public async Task Concurrent_final_state_calls_take_one_snapshot_that_does_not_disturb_the_cache()
    {
        var cache = new GatedCache(new LruCache<int, int>(2));
        cache.Set(2, 1);
        cache.Set(1, 1);
        var subject = new CacheSubject(cache, traceOrder: false);

        Task<IReadOnlyList<string>> first = Task.Run(subject.FinalState);
        Assert.True(cache.FirstPromoted.Wait(TimeSpan.FromSeconds(10)), "the first snapshot never promoted a key");
        Task<IReadOnlyList<string>> second = Task.Run(subject.FinalState);
        IReadOnlyList<string>[] snapshots = await Task.WhenAll(first, second).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(["2=1", "1=1"], snapshots[0]);
        Assert.Equal(["2=1", "1=1"], snapshots[1]);
        Assert.Equal(["2=1", "1=1"], subject.FinalState());
        Assert.Equal(1, cache.OrderReads);
        Assert.Equal([2, 1], cache.Keys());
    }

    /// <summary>
    /// An LRU that holds the first snapshot's first Get until a second snapshot has read the order (or half a
    /// second has passed: with a snapshot taken once, the second caller never reads it).
    /// </summary>
    private sealed class GatedCache(ILruCache<int, int> inner) : DelegatingLruCache(inner)
    {
        private readonly ManualResetEventSlim _secondReadOrder = new();
        private int _orderReads;
        private int _gets;

        public ManualResetEventSlim FirstPromoted { get; } = new();

        public int OrderReads => Volatile.Read(ref _orderReads);

        public override bool TryGet(int key, out int value)
        {
            bool found = base.TryGet(key, out value);
            if (Interlocked.Increment(ref _gets) == 1)
            {
                FirstPromoted.Set();
                _secondReadOrder.Wait(TimeSpan.FromMilliseconds(500));
            }

            return found;
        }

        public override IReadOnlyList<int> Keys()
        {
            IReadOnlyList<int> order = base.Keys();
            if (Interlocked.Increment(ref _orderReads) > 1)
            {
                _secondReadOrder.Set();
            }

            return order;
        }
    }
}
