using ActorConcurrency.Actors.Hosting;
using ActorConcurrency.Host.PropertyChecks;
using ActorConcurrency.SharedState.Lru;
using ActorConcurrency.Tests.Support;
using Akka.Actor;
using Xunit.Abstractions;

namespace ActorConcurrency.Tests.Lru;

/// <summary>
/// Task 15: the CsCheck properties of every LRU form (defined in <see cref="LruProperties"/>, also run by
/// <c>run 15</c>). CI runs <see cref="CiIterations"/> iterations each; <c>SOAK_MINUTES=10 dotnet test</c>
/// samples each property for ten minutes instead. The last specs prove the properties can fail.
/// </summary>
public sealed class LruPropertySpec : IAsyncLifetime
{
    private const long CiIterations = 100;

    /// <summary>A plain actor system from base.conf, the one <c>run 15</c> uses too (the TestKit's is not needed: nothing here expects messages).</summary>
    private readonly ActorSystem _system = ActorSystem.Create("lru-properties", HoconConfig.Base);

    private readonly ITestOutputHelper _output;

    /// <param name="output">Receives each property's CsCheck summary (iterations run) and time: the soak's figures.</param>
    public LruPropertySpec(ITestOutputHelper output) => _output = output;

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _system.Terminate();

    private static PropertyBudget Budget => PropertyBudget.FromEnvironment(CiIterations);

    [Fact]
    public void Lock_form_matches_the_sequential_model_after_every_operation() =>
        Report(LruProperties.ModelBased("LruCache", c => new LruCache<int, int>(c), Budget));

    [Fact]
    public void Deferred_promotion_form_matches_the_sequential_model_after_every_operation() =>
        Report(LruProperties.ModelBased("DeferredPromotionLruCache", c => new DeferredPromotionLruCache<int, int>(c), Budget));

    /// <summary>
    /// Run on the thread pool, off xunit's synchronisation context: the property blocks CsCheck's threads on
    /// Asks, and nothing of it should be queued behind xunit's few context threads.
    /// </summary>
    [Fact]
    public Task Owner_actor_matches_the_sequential_model_after_every_operation() =>
        Task.Run(() => Report(LruProperties.ModelBasedActor(_system, Budget)));

    [Fact]
    public void Lock_form_is_linearizable() =>
        Report(LruProperties.Linearizable("LruCache", c => new LruCache<int, int>(c), c => c, Budget));

    [Fact]
    public void Deferred_promotion_form_is_linearizable_when_no_eviction_races_a_hit() =>
        Report(LruProperties.Linearizable("DeferredPromotionLruCache", c => new DeferredPromotionLruCache<int, int>(c), _ => LruProperties.KeySpace, Budget));

    /// <summary>Fewer iterations in CI: every operation and every check is an Ask round trip.</summary>
    [Fact]
    public Task Owner_actor_is_linearizable() =>
        Task.Run(() => Report(LruProperties.LinearizableActor(_system, PropertyBudget.FromEnvironment(CiIterations / 4))));

    [Fact]
    public void The_model_based_property_catches_a_cache_whose_hits_do_not_promote()
    {
        var error = Assert.ThrowsAny<Exception>(() => LruProperties.ModelBased("no promotion", c => new NoPromotionLru(c), new PropertyBudget(200, 0)));
        PropertyFailureAssert.NamesPropertySeedAndExample(error, "no promotion", "Operations:", "TryGet(");
    }

    [Fact]
    public void The_linearizability_property_catches_a_cache_whose_hits_do_not_promote()
    {
        var error = Assert.ThrowsAny<Exception>(() => LruProperties.Linearizable("no promotion", c => new NoPromotionLru(c), c => c, new PropertyBudget(200, 0)));
        PropertyFailureAssert.NamesPropertySeedAndExample(error, "no promotion", "Parallel Operations", "Linearized", "TryGet(");
    }

    /// <summary>Each property's CsCheck summary (iterations run) and time go to the test output: the soak's figures.</summary>
    private void Report(PropertyResult result) => _output.WriteLine($"{result.Name}: {result.Summary} ({result.Elapsed.TotalSeconds:F1} s)");

    /// <summary>
    /// A deliberately wrong LRU: hits do not change the recency order (it is a FIFO cache). Every operation
    /// holds a lock, so under the parallel property it fails by its meaning, not by a crash.
    /// </summary>
    internal sealed class NoPromotionLru(int capacity) : ILruCache<int, int>
    {
        private readonly List<(int Key, int Value)> _entries = [];
        private readonly Lock _lock = new();

        public int Capacity => capacity;

        public int Count => _entries.Count;

        public bool TryGet(int key, out int value)
        {
            using Lock.Scope scope = _lock.EnterScope();
            int i = _entries.FindIndex(e => e.Key == key);
            value = i < 0 ? 0 : _entries[i].Value;
            return i >= 0;
        }

        public void Set(int key, int value)
        {
            using Lock.Scope scope = _lock.EnterScope();
            if (_entries.RemoveAll(e => e.Key == key) == 0 && _entries.Count == capacity)
            {
                _entries.RemoveAt(_entries.Count - 1);
            }

            _entries.Insert(0, (key, value));
        }

        public bool Remove(int key)
        {
            using Lock.Scope scope = _lock.EnterScope();
            return _entries.RemoveAll(e => e.Key == key) > 0;
        }

        public IReadOnlyList<int> RecencyOrder()
        {
            using Lock.Scope scope = _lock.EnterScope();
            return _entries.Select(e => e.Key).ToList();
        }

        public LruInvariantReport CheckInvariants() => new([], Count, capacity);
    }
}
