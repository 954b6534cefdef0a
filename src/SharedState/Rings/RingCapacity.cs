using System.Numerics;

namespace ActorConcurrency.SharedState.Rings;

/// <summary>The capacity rule both rings share: a power of two, so an index maps to a slot with a mask.</summary>
internal static class RingCapacity
{
    /// <summary>Returns <paramref name="capacity"/> if it is a power of two of at least 1.</summary>
    /// <exception cref="ArgumentOutOfRangeException">It is not.</exception>
    public static int Validate(int capacity, string paramName)
    {
        if (capacity < 1 || !BitOperations.IsPow2(capacity))
        {
            throw new ArgumentOutOfRangeException(paramName, capacity, "The capacity must be a power of two (1, 2, 4, ...).");
        }

        return capacity;
    }
}
