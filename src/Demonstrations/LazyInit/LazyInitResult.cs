namespace ActorConcurrency.Demonstrations.LazyInit;

/// <summary>
/// Task 5: how often each form's initialiser ran under threads released together, the broken form's double build
/// forced, and what each form does when its initialiser throws once.
/// </summary>
/// <param name="Runs">Runs per form.</param>
/// <param name="Threads">Threads per run.</param>
/// <param name="Forms">One row per form, the broken check-then-create last.</param>
/// <param name="Forced">The broken form with B's whole <c>GetCache()</c> between A's check and A's create.</param>
/// <param name="Failures">One row per form: the initialiser throws on its first call, <c>GetCache()</c> is called twice.</param>
public sealed record LazyInitResult(
    int Runs, int Threads, IReadOnlyList<LazyFormRuns> Forms, ForcedDoubleBuild Forced, IReadOnlyList<FailureBehaviour> Failures) : IDemonstrationResult
{
    /// <summary>Runs in which the broken form's initialiser ran more than once.</summary>
    public int BrokenRuns => Forms.Where(f => f.Broken).Sum(f => f.RunsWithSeveralInitialisations);

    /// <summary>
    /// Whether every safe form initialised exactly once in every run, the forced interleaving built twice, and each
    /// form's failure behaviour is the documented one (Lazy&lt;T&gt; caches the exception, the others retry).
    /// </summary>
    public bool Held =>
        Forms.Where(f => !f.Broken).All(f => f.RunsWithSeveralInitialisations == 0 && f.RunsWithDifferentCaches == 0 && f.MostInitialiserCalls == 1)
        && Forced.InitialiserCalls == 2
        && Failures.All(f => f.AsDocumented);

    /// <inheritdoc />
    public string Evidence =>
        $"safe forms: 1 initialisation in each of {Runs} runs x 3 forms; broken form: >1 in {BrokenRuns}/{Runs} free runs, 2 when forced; Lazy<T> caches a failure, the others retry";

    /// <inheritdoc />
    public string? NotObserved => BrokenRuns == 0
        ? "check-then-create built only once in every free run; more --threads or --runs make two threads pass the check together"
        : null;
}

/// <summary>One form's runs with threads released together.</summary>
/// <param name="Form">The form.</param>
/// <param name="Broken">Whether it is the broken check-then-create, expected to build more than once.</param>
/// <param name="RunsWithSeveralInitialisations">Runs in which the initialiser ran more than once.</param>
/// <param name="MostInitialiserCalls">The most initialiser calls in one run.</param>
/// <param name="RunsWithDifferentCaches">Runs in which callers got different cache instances.</param>
public sealed record LazyFormRuns(string Form, bool Broken, int RunsWithSeveralInitialisations, int MostInitialiserCalls, int RunsWithDifferentCaches);

/// <summary>The forced double build of check-then-create.</summary>
/// <param name="InitialiserCalls">How many times the initialiser ran (2: both threads built).</param>
/// <param name="ACache">The cache instance A got.</param>
/// <param name="BCache">The cache instance B got.</param>
public sealed record ForcedDoubleBuild(int InitialiserCalls, int ACache, int BCache);

/// <summary>What a second <c>GetCache()</c> did after the initialiser threw on the first.</summary>
public enum SecondCall
{
    /// <summary>It ran the initialiser again and returned a cache.</summary>
    Retried,

    /// <summary>It threw the very exception the first call threw (the failure was cached).</summary>
    RethrewCachedException,

    /// <summary>It threw another exception.</summary>
    ThrewAgain,
}

/// <summary>One form whose initialiser throws on its first call; <c>GetCache()</c> is called twice.</summary>
/// <param name="Form">The form.</param>
/// <param name="CachesFailure">Whether the form documents caching the failure (Lazy&lt;T&gt;) rather than retrying.</param>
/// <param name="FirstError">What the first call threw, or null if it did not throw.</param>
/// <param name="Second">What the second call did.</param>
/// <param name="SecondCache">The cache the second call returned, when it retried.</param>
/// <param name="SecondError">What the second call threw, when it threw.</param>
/// <param name="InitialiserCalls">How many times the initialiser ran in all.</param>
public sealed record FailureBehaviour(
    string Form, bool CachesFailure, string? FirstError, SecondCall Second, int? SecondCache, string? SecondError, int InitialiserCalls)
{
    /// <summary>Whether the first call failed and the second did what the form documents.</summary>
    public bool AsDocumented => FirstError is not null && Second == (CachesFailure ? SecondCall.RethrewCachedException : SecondCall.Retried);
}
