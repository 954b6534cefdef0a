using ActorConcurrency.SharedState.LazyInit;

namespace ActorConcurrency.Demonstrations.LazyInit;

/// <summary>
/// Task 5: lazy init exactly once. Each form's <c>GetCache()</c> is hammered by threads released together by a
/// barrier; the broken check-then-create is then forced to build twice; and each form is given an initialiser that
/// fails once, to show whether it caches the failure or retries.
/// </summary>
public static class LazyInitExperiment
{
    private static readonly (string Name, bool Broken, Func<Func<Cache>, ICacheHolder> Create)[] Forms =
    [
        ("Lazy<T> (ExecutionAndPublication)", false, init => new LazyCache(init)),
        ("LazyInitializer (ref bool + lock)", false, init => new LazyInitializerCache(init)),
        ("double-checked lock (Volatile)", false, init => new DoubleCheckedCache(init)),
        ("check-then-create (broken)", true, init => new UnsafeLazyCache(init)),
    ];

    /// <summary>Runs the three parts of the experiment and returns what each measured.</summary>
    public static LazyInitResult Run(LazyInitSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        var forms = new List<LazyFormRuns>(Forms.Length);
        foreach ((string name, bool broken, Func<Func<Cache>, ICacheHolder> create) in Forms)
        {
            int several = 0, mostCalls = 0, split = 0;
            for (int run = 0; run < settings.Runs; run++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var initialiser = new CountingInitialiser();
                Cache[] seen = CallTogether(create(initialiser.Initialise), settings.Threads);
                int calls = initialiser.Calls;
                several += calls > 1 ? 1 : 0;
                mostCalls = Math.Max(mostCalls, calls);
                split += seen.Distinct().Count() > 1 ? 1 : 0;
            }

            forms.Add(new LazyFormRuns(name, broken, several, mostCalls, split));
        }

        return new LazyInitResult(settings.Runs, settings.Threads, forms, ForceDoubleBuild(), [.. Forms.Select(f => FailOnce(f.Name, f.Create))]);
    }

    /// <summary>Forces the bad schedule: B's whole <c>GetCache()</c> runs after A's check saw null and before A builds.</summary>
    private static ForcedDoubleBuild ForceDoubleBuild()
    {
        var initialiser = new CountingInitialiser();
        var cache = new UnsafeLazyCache(initialiser.Initialise);
        Cache? b = null;
        Cache a = cache.GetCache(betweenCheckAndCreate: () => b = cache.GetCache());
        return new ForcedDoubleBuild(initialiser.Calls, a.Instance, b!.Instance);
    }

    private static FailureBehaviour FailOnce(string name, Func<Func<Cache>, ICacheHolder> create)
    {
        var initialiser = new CountingInitialiser(failingCalls: 1);
        ICacheHolder holder = create(initialiser.Initialise);
        Exception? first = Capture(holder, out _);
        Exception? second = Capture(holder, out Cache? cache);
        SecondCall what = second is null ? SecondCall.Retried
            : ReferenceEquals(first, second) ? SecondCall.RethrewCachedException
            : SecondCall.ThrewAgain;
        return new FailureBehaviour(name, holder is LazyCache, first?.Message, what, cache?.Instance, second?.Message, initialiser.Calls);
    }

    /// <summary>Releases <paramref name="threads"/> threads together on a barrier; each calls GetCache() once.</summary>
    private static Cache[] CallTogether(ICacheHolder holder, int threads)
    {
        var seen = new Cache[threads];
        using var barrier = new Barrier(threads);
        var workers = new Thread[threads];
        for (int i = 0; i < threads; i++)
        {
            int slot = i;
            workers[i] = new Thread(() =>
            {
                barrier.SignalAndWait();
                seen[slot] = holder.GetCache();
            });
            workers[i].Start();
        }

        foreach (Thread worker in workers)
        {
            worker.Join();
        }

        return seen;
    }

    private static Exception? Capture(ICacheHolder holder, out Cache? cache)
    {
        try
        {
            cache = holder.GetCache();
            return null;
        }
        catch (InvalidOperationException ex)
        {
            cache = null;
            return ex;
        }
    }
}
