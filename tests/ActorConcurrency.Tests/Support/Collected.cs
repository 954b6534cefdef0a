namespace ActorConcurrency.Tests.Support;

/// <summary>Whether an object a spec let go of is really gone.</summary>
internal static class Collected
{
    /// <summary>
    /// Collects until <paramref name="weak"/>'s target is gone, for a few rounds, and says whether it is. A few rounds,
    /// no waiting: an object held through a <c>ConditionalWeakTable</c> is freed only in its container's second
    /// finalization.
    /// </summary>
    public static bool Is(WeakReference weak)
    {
        for (int round = 0; round < 4 && weak.IsAlive; round++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        GC.Collect();
        return !weak.IsAlive;
    }
}
