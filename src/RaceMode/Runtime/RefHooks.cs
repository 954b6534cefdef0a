using System.ComponentModel;

namespace ActorConcurrency.RaceMode.Runtime;

/// <summary>
/// The hooks of accesses through a pointer whose target is known only at run time: a <c>ref</c> local or
/// parameter (reassigned or not), a <c>ref</c> return. The rewritten code carries the target beside the pointer in
/// three locals (owner, index, target: see <see cref="PointerTargets"/>), sets them at every assignment of the
/// pointer and passes them here at every load, store or atomic through it; across calls the target travels by
/// <see cref="PointerHandoff"/>. An unknown target is not checked; an atomic through one orders with everything,
/// as an atomic the rewriter cannot name does.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class RefHooks
{
    private static readonly object s_unknown = new();

    /// <summary>A plain load through a pointer to <paramref name="target"/>.</summary>
    public static void ReadAt(object? owner, nint index, int target, int site) => Access(owner, index, target, site, write: false);

    /// <summary>A plain store through a pointer to <paramref name="target"/>.</summary>
    public static void WriteAt(object? owner, nint index, int target, int site) => Access(owner, index, target, site, write: true);

    /// <summary>Before an atomic access through a pointer; pass the result to <see cref="RaceHooks.AtomicEnd"/>.</summary>
    public static object? AtomicBeginAt(object? owner, nint index, int target, int site, bool write)
    {
        if (RaceSession.Active is not { } session || session.CurrentOrCount() is not { } thread)
        {
            return null;
        }

        if (PointerTargets.Resolve(session, owner, index, target) is not { } location)
        {
            session.Backend.Release(thread, session.Global);
            return s_unknown;
        }

        return RaceHooks.Atomic(session, thread, location, SiteTable.Get(site).Where, write);
    }

    /// <summary>After an atomic through an unknown target: acquires everything released so far.</summary>
    internal static bool EndUnknown(object token)
    {
        if (!ReferenceEquals(token, s_unknown))
        {
            return false;
        }

        if (RaceSession.Active is { } session && session.CurrentOrCount() is { } thread)
        {
            session.AcquireGlobal(thread);
        }

        return true;
    }

    /// <summary>The target one struct field deeper (<paramref name="suffix"/> names it, for example <c>.X</c>).</summary>
    public static int Extend(int target, int suffix) => PointerTargets.Extend(target, suffix);

    /// <summary>A caller passing a <c>ref</c> argument, or a callee returning a <c>ref</c>: says what it points at.</summary>
    /// <remarks>The rewritten code passes the pointer itself, whatever its type, as <paramref name="pointer"/>.</remarks>
    public static void Publish(ref byte pointer, object? owner, nint index, int target)
    {
        if (target != 0 && RaceSession.Active is not null)
        {
            PointerHandoff.Publish(ref pointer, owner, index, target);
        }
    }

    /// <summary>The other side of <see cref="Publish"/>: the target of <paramref name="pointer"/>, or 0.</summary>
    public static int Take(ref byte pointer, out object? owner, out nint index) => PointerHandoff.Take(ref pointer, out owner, out index);

    private static void Access(object? owner, nint index, int target, int site, bool write)
    {
        if (target == 0 || RaceSession.Active is not { } session || session.CurrentOrCount() is not { } thread ||
            PointerTargets.Resolve(session, owner, index, target) is not { } location)
        {
            return;
        }

        RaceHooks.Check(session, thread, location, SiteTable.Get(site).Where, write);
    }
}
