using System.ComponentModel;
using ActorConcurrency.RaceDetector.Tracking;

namespace ActorConcurrency.RaceMode.Runtime;

/// <summary>
/// The memory hooks the rewriter compiles into plain code: each plain field or array-element load or store
/// becomes a call here just before it (the value itself is still loaded and stored by the original instruction,
/// so a racy program really races). <c>site</c> is the number <see cref="SiteTable"/> gave the access; it names
/// both the source line and the location. Outside a session, or on a real thread that runs no logical thread of
/// it, a hook does nothing.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class RaceHooks
{
    /// <summary>A plain load of an instance field (or of a field inside a struct field) of <paramref name="owner"/>.</summary>
    public static void Read(object owner, int site) => Access(owner, site, write: false);

    /// <summary>A plain store to an instance field of <paramref name="owner"/>.</summary>
    public static void Write(object owner, int site) => Access(owner, site, write: true);

    /// <summary>A plain load of a static field; <paramref name="owner"/> is the closed generic type, or null.</summary>
    public static void ReadStatic(object? owner, int site) => AccessStatic(owner, site, write: false);

    /// <summary>A plain store to a static field.</summary>
    public static void WriteStatic(object? owner, int site) => AccessStatic(owner, site, write: true);

    /// <summary>Before an access to a <c>[ThreadStatic]</c> field: orders this logical thread after the ones that ran here (see <see cref="ThreadAffinity"/>).</summary>
    public static void ThreadStatic()
    {
        if (RaceSession.Active is { } session && session.CurrentOrCount() is { } current)
        {
            ThreadAffinity.Touch(session, current);
        }
    }

    /// <summary>At the start of a static constructor: see <see cref="TypeInitialization"/>.</summary>
    public static void EnterStaticConstructor() => TypeInitialization.Enter();

    /// <summary>Before each return of a static constructor.</summary>
    public static void ExitStaticConstructor() => TypeInitialization.Exit();

    /// <summary>A plain load of <c>array[index]</c>.</summary>
    public static void ReadElement(Array array, nint index, int site) => AccessElement(array, index, site, write: false, fieldOfElement: false);

    /// <summary>A plain store to <c>array[index]</c>.</summary>
    public static void WriteElement(Array array, nint index, int site) => AccessElement(array, index, site, write: true, fieldOfElement: false);

    /// <summary>A plain load of a field of the struct <c>array[index]</c>.</summary>
    public static void ReadElementField(Array array, nint index, int site) => AccessElement(array, index, site, write: false, fieldOfElement: true);

    /// <summary>A plain store to a field of the struct <c>array[index]</c>.</summary>
    public static void WriteElementField(Array array, nint index, int site) => AccessElement(array, index, site, write: true, fieldOfElement: true);

    /// <summary>Before an atomic access to a field of <paramref name="owner"/>; pass the result to <see cref="AtomicEnd"/>.</summary>
    public static object? AtomicBegin(object owner, int site, bool write)
    {
        if (owner is null || RaceSession.Active is not { } session || session.CurrentOrCount() is not { } thread)
        {
            return null;
        }

        RaceSite where = SiteTable.Get(site);
        return Atomic(session, thread, session.Shadow.Field(owner, where), where.Where, write);
    }

    /// <summary>Before an atomic access to a static field.</summary>
    public static object? AtomicBeginStatic(object? owner, int site, bool write)
    {
        if (RaceSession.Active is not { } session || session.CurrentOrCount() is not { } thread)
        {
            return null;
        }

        RaceSite where = SiteTable.Get(site);
        return Atomic(session, thread, session.Shadow.Static(owner, where), where.Where, write);
    }

    /// <summary>Before an atomic access to <c>array[index]</c> (or a field of it when <paramref name="fieldOfElement"/>).</summary>
    public static object? AtomicBeginElement(Array array, nint index, int site, bool write, bool fieldOfElement)
    {
        if (array is null || RaceSession.Active is not { } session || session.CurrentOrCount() is not { } thread || (nuint)index >= (nuint)array.Length)
        {
            return null;
        }

        RaceSite where = SiteTable.Get(site);
        return Atomic(session, thread, session.Shadow.Element(array, (int)index, where, fieldOfElement), where.Where, write);
    }

    /// <summary>After the atomic operation: lets other atomics on the location proceed.</summary>
    public static void AtomicEnd(object? token)
    {
        if (token is not null && !RefHooks.EndUnknown(token))
        {
            Monitor.Exit(token);
        }
    }

    internal static Location Atomic(RaceSession session, LogicalThread thread, Location location, AccessSite where, bool write)
    {
        // Held until AtomicEnd, across the real operation: the order of the shadow updates is the real order.
        Monitor.Enter(location);
        try
        {
            session.Backend.Atomic(thread, location.Cell, where, write);
        }
        catch
        {
            Monitor.Exit(location);
            throw;
        }

        return location;
    }

    private static void Access(object owner, int site, bool write)
    {
        // A null owner makes the original instruction throw right after; there is nothing to check.
        if (owner is null || RaceSession.Active is not { } session || session.CurrentOrCount() is not { } thread)
        {
            return;
        }

        RaceSite where = SiteTable.Get(site);
        Check(session, thread, session.Shadow.Field(owner, where), where.Where, write);
    }

    private static void AccessStatic(object? owner, int site, bool write)
    {
        if (RaceSession.Active is not { } session || session.CurrentOrCount() is not { } thread)
        {
            return;
        }

        RaceSite where = SiteTable.Get(site);
        Check(session, thread, session.Shadow.Static(owner, where), where.Where, write);
    }

    private static void AccessElement(Array array, nint index, int site, bool write, bool fieldOfElement)
    {
        // An index out of range throws in the original instruction right after; there is nothing to check.
        if (array is null || RaceSession.Active is not { } session || (nuint)index >= (nuint)array.Length || session.CurrentOrCount() is not { } thread)
        {
            return;
        }

        RaceSite where = SiteTable.Get(site);
        Check(session, thread, session.Shadow.Element(array, (int)index, where, fieldOfElement), where.Where, write);
    }

    internal static void Check(RaceSession session, LogicalThread thread, Location location, AccessSite where, bool write)
    {
        if (write)
        {
            session.Backend.Write(thread, location.Cell, where);
        }
        else
        {
            session.Backend.Read(thread, location.Cell, where);
        }
    }
}
