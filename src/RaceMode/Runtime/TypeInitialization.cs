using ActorConcurrency.RaceDetector.Tracking;

namespace ActorConcurrency.RaceMode.Runtime;

/// <summary>
/// A static constructor of rewritten code runs inside an ignore scope of the logical thread that runs it. The runtime
/// orders a type's static constructor before every use of the type by any thread, so everything it does (the helpers
/// and constructors it calls included: a lookup table built by a method, an object made by <c>new</c>) is published to
/// every later user, and race mode neither checks nor records it (as it already skips the constructor's own field
/// accesses). Without this, a static <c>Dictionary</c> filled by a helper on the first user's thread raced with every
/// other user's read. A task the constructor starts is still a fork of that logical thread, and is checked.
/// </summary>
internal static class TypeInitialization
{
    /// <summary>One scope per static constructor running on this real thread, innermost on top.</summary>
    [ThreadStatic]
    private static Stack<IgnoreScope>? t_scopes;

    public static void Enter()
    {
        IgnoreScope scope = RaceSession.Active is { } session && LogicalThread.Current is { } current && current.Detector == session.Detector
            ? session.Detector.Ignore()
            : default;
        (t_scopes ??= new Stack<IgnoreScope>()).Push(scope);
    }

    public static void Exit()
    {
        if (t_scopes is { Count: > 0 } scopes)
        {
            scopes.Pop().Dispose();
        }
    }
}
