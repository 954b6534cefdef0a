using ActorConcurrency.SharedState.LazyInit;
using ActorConcurrency.Tests.Support;

namespace ActorConcurrency.Tests.LazyInit;

/// <summary>Task 5: each lazy form builds the cache once; the broken one can build it twice; failures are cached or retried as documented.</summary>
public sealed class LazyInitSpec
{
    private const int Threads = 8;

    private static readonly Dictionary<string, Func<Func<Cache>, ICacheHolder>> Forms = new()
    {
        ["Lazy"] = init => new LazyCache(init),
        ["LazyInitializer"] = init => new LazyInitializerCache(init),
        ["DoubleChecked"] = init => new DoubleCheckedCache(init),
        ["Unsafe"] = init => new UnsafeLazyCache(init),
    };

    public static TheoryData<string> SafeForms => ["Lazy", "LazyInitializer", "DoubleChecked"];

    public static TheoryData<string> AllForms => ["Lazy", "LazyInitializer", "DoubleChecked", "Unsafe"];

    [Theory]
    [MemberData(nameof(SafeForms))]
    public void Callers_released_together_run_the_initialiser_once_and_share_one_cache(string form)
    {
        for (int repetition = 0; repetition < StressConfig.Repetitions; repetition++)
        {
            var initialiser = new CountingInitialiser();
            ICacheHolder holder = Forms[form](initialiser.Initialise);
            var seen = new Cache[Threads];
            using var barrier = new Barrier(Threads);
            Thread[] threads = Enumerable.Range(0, Threads).Select(i => new Thread(() =>
            {
                barrier.SignalAndWait();
                seen[i] = holder.GetCache();
            })).ToArray();
            Array.ForEach(threads, t => t.Start());
            Array.ForEach(threads, t => t.Join());

            Assert.Equal(1, initialiser.Calls);
            Assert.All(seen, cache => Assert.Same(seen[0], cache));
        }
    }

    [Fact]
    public async Task Check_then_create_initialises_twice_when_a_caller_runs_between_check_and_create()
    {
        var initialiser = new CountingInitialiser();
        var holder = new UnsafeLazyCache(initialiser.Initialise);
        using var aChecked = new ManualResetEventSlim();
        using var bDone = new ManualResetEventSlim();

        // A sees no cache, then waits while B does a whole GetCache(), then builds its own.
        Task<Cache> a = Task.Run(() => holder.GetCache(betweenCheckAndCreate: () =>
        {
            aChecked.Set();
            bDone.Wait();
        }));
        Task<Cache> b = Task.Run(() =>
        {
            aChecked.Wait();
            Cache cache = holder.GetCache();
            bDone.Set();
            return cache;
        });

        Assert.NotSame(await a, await b);
        Assert.Equal(2, initialiser.Calls);
    }

    [Fact]
    public void Lazy_caches_the_initialisers_exception_and_never_runs_it_again()
    {
        var initialiser = new CountingInitialiser(failingCalls: 1);
        var holder = new LazyCache(initialiser.Initialise);

        var first = Assert.Throws<InvalidOperationException>(holder.GetCache);
        var second = Assert.Throws<InvalidOperationException>(holder.GetCache);

        Assert.Same(first, second);
        Assert.Equal(1, initialiser.Calls);
    }

    [Theory]
    [InlineData("LazyInitializer")]
    [InlineData("DoubleChecked")]
    [InlineData("Unsafe")]
    public void After_the_initialiser_throws_the_next_call_runs_it_again(string form)
    {
        var initialiser = new CountingInitialiser(failingCalls: 1);
        ICacheHolder holder = Forms[form](initialiser.Initialise);

        Assert.Throws<InvalidOperationException>(holder.GetCache);
        Cache cache = holder.GetCache();

        Assert.Equal(2, cache.Instance);
        Assert.Same(cache, holder.GetCache());
        Assert.Equal(2, initialiser.Calls);
    }

    [Theory]
    [MemberData(nameof(AllForms))]
    public void The_initialiser_does_not_run_before_the_first_call(string form)
    {
        var initialiser = new CountingInitialiser();
        ICacheHolder holder = Forms[form](initialiser.Initialise);
        Assert.Equal(0, initialiser.Calls);
        Assert.Equal(1, holder.GetCache().Instance);
    }

    [Theory]
    [MemberData(nameof(AllForms))]
    public void A_null_initialiser_is_rejected(string form)
    {
        var ex = Assert.Throws<ArgumentNullException>(() => Forms[form](null!));
        Assert.Equal("initialise", ex.ParamName);
    }

    [Fact]
    public void A_double_checked_initialiser_that_returns_null_is_an_error_not_a_cache()
    {
        var holder = new DoubleCheckedCache(() => null!);
        Assert.Throws<InvalidOperationException>(holder.GetCache);
    }
}
