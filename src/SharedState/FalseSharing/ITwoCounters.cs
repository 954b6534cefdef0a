using System.Diagnostics.CodeAnalysis;

namespace ActorConcurrency.SharedState.FalseSharing;

/// <summary>
/// Task 10: two counters, counter 0 incremented by one thread and counter 1 by another. The forms differ
/// only in how far apart the two fields are, so any difference in speed is the cache line, not the code.
/// Implemented by structs and called on an array element (<c>holder[0].Increment(i)</c>), which the
/// compiler calls in place without copying.
/// </summary>
public interface ITwoCounters
{
    /// <summary>Atomically adds one to counter <paramref name="counter"/> (0 or 1).</summary>
    void Increment(int counter);

    /// <summary>A reference to counter <paramref name="counter"/> (0 or 1), for measuring where it lives.</summary>
    [UnscopedRef]
    ref long Counter(int counter);

    /// <summary>Reads counter <paramref name="counter"/> (0 or 1).</summary>
    long Read(int counter);
}
