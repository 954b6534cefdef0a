namespace ActorConcurrency.SharedState.LazyInit;

/// <summary>
/// Task 5: an initialiser that counts its calls, stamps each <see cref="Cache"/> with the call's number and
/// can be told to throw on its first calls, so demonstrations and specs measure "ran exactly once" and
/// "what happens after a failure" instead of assuming them.
/// </summary>
public sealed class CountingInitialiser
{
    private readonly int _failingCalls;

    /// <summary>Incremented atomically: several threads may call the initialiser in the broken form.</summary>
    private int _calls;

    /// <summary>Creates an initialiser whose first <paramref name="failingCalls"/> calls throw.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="failingCalls"/> is negative.</exception>
    public CountingInitialiser(int failingCalls = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(failingCalls);
        _failingCalls = failingCalls;
    }

    /// <summary>How many times <see cref="Initialise"/> has been called, failed calls included.</summary>
    public int Calls => Volatile.Read(ref _calls);

    /// <summary>Builds a cache stamped with this call's number, or throws if the call is one of the failing ones.</summary>
    /// <exception cref="InvalidOperationException">This call is one of the first <c>failingCalls</c>.</exception>
    public Cache Initialise()
    {
        int call = Interlocked.Increment(ref _calls);
        return call <= _failingCalls
            ? throw new InvalidOperationException($"initialiser call {call} failed")
            : new Cache(call);
    }
}
