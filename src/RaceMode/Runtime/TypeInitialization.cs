namespace ActorConcurrency.RaceMode.Runtime;

/// <summary>
/// Whether the real thread is running a static constructor of rewritten code. The runtime orders a type's static
/// constructor before every use of the type by any thread, so everything it does (the helpers and constructors it
/// calls included: a lookup table built by a method, an object made by <c>new</c>) is published to every later user,
/// and race mode neither checks nor records it (as it already skips the constructor's own field accesses). Without
/// this, a static <c>Dictionary</c> filled by a helper on the first user's thread raced with every other user's read.
/// </summary>
internal static class TypeInitialization
{
    [ThreadStatic]
    private static int t_depth;

    /// <summary>True while a static constructor runs on this thread.</summary>
    public static bool Running => t_depth > 0;

    public static void Enter() => t_depth++;

    public static void Exit()
    {
        if (t_depth > 0)
        {
            t_depth--;
        }
    }
}
