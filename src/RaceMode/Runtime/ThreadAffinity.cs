using ActorConcurrency.RaceDetector.Tracking;

namespace ActorConcurrency.RaceMode.Runtime;

/// <summary>
/// Orders logical threads that rely on running on the same real thread. A <c>[ThreadStatic]</c> field is shared by
/// every logical thread that runs on one real thread, one after another; code uses it to own per-thread state (a
/// thread's exclusive counter cell, say), which is correct because the real thread runs them in program order. So a
/// logical thread that touched a thread-static on a real thread releases into that real thread's clock when it
/// leaves it, and a logical thread touching a thread-static acquires that clock first. Only logical threads that
/// touch thread-statics are ordered this way, and they really ran in that order.
/// </summary>
internal static class ThreadAffinity
{
    [ThreadStatic]
    private static RaceSession? t_session;

    [ThreadStatic]
    private static object? t_clock;

    /// <summary>The logical thread that touched a thread-static here since it was bound, if it still runs here.</summary>
    [ThreadStatic]
    private static LogicalThread? t_affine;

    /// <summary>Before an access to a thread-static field by <paramref name="current"/>.</summary>
    public static void Touch(RaceSession session, LogicalThread current)
    {
        if (ReferenceEquals(t_affine, current))
        {
            return;
        }

        if (ReferenceEquals(t_session, session) && t_clock is { } clock)
        {
            session.Backend.Acquire(current, clock);
        }

        t_affine = current;
    }

    /// <summary>Before the current logical thread leaves this real thread (also drops the pointers it handed over and nobody took).</summary>
    public static void Leave()
    {
        PointerHandoff.Clear();
        if (t_affine is not { } affine || !ReferenceEquals(LogicalThread.Current, affine) || RaceSession.Active is not { } session)
        {
            return;
        }

        if (!ReferenceEquals(t_session, session))
        {
            t_session = session;
            t_clock = session.Backend.NewSync("real thread");
        }

        session.Backend.Release(affine, t_clock!);
        t_affine = null;
    }
}
