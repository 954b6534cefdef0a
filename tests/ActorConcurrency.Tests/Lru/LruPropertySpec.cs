using ActorConcurrency.Actors.Hosting;
using ActorConcurrency.PropertyChecks;
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
    public void Clock_form_matches_the_sequential_clock_model_after_every_operation() =>
        Report(LruProperties.ModelBased("ClockLruCache", c => new ClockLruCache<int, int>(c), Budget, (c, t) => new ClockModel(c, t)));

    /// <summary>The CLOCK form is not the exact LRU, and the exact model-based property says so: the model adaptation is needed, not decorative.</summary>
    [Fact]
    public void Clock_form_is_caught_by_the_exact_model()
    {
        var error = Assert.ThrowsAny<Exception>(() => LruProperties.ModelBased("clock vs exact", c => new ClockLruCache<int, int>(c), new PropertyBudget(200, 0)));
        PropertyFailureAssert.NamesPropertySeedAndExample(error, "clock vs exact");
    }

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
    public void Clock_form_is_linearizable_when_no_eviction_races_a_hit() =>
        Report(LruProperties.Linearizable(
            "ClockLruCache", c => new ClockLruCache<int, int>(c), _ => LruProperties.KeySpace, Budget, (c, t) => new ClockModel(c, t)));

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
    /// A deliberately wrong LRU: hits do not change the recency order (a FIFO cache: TryGet is the inner
    /// lock form's Peek). Every operation holds the inner cache's lock, so under the parallel property it
    /// fails by its meaning, not by a crash.
    /// </summary>
    internal sealed class NoPromotionLru(int capacity) : DelegatingLruCache(new LruCache<int, int>(capacity))
    {
        public override bool TryGet(int key, out int value) => TryPeek(key, out value);
    }
}
