using System.ComponentModel;
using ActorConcurrency.RaceDetector.Tracking;

namespace ActorConcurrency.RaceMode.Runtime;

/// <summary>
/// The hooks the rewriter puts before a call on a framework collection that is not safe for concurrent use
/// (<see cref="CheckedCollections"/>): the call is a plain read or write of the collection as a whole, as Go's
/// detector checks a map. The site names the member (<c>set_Item</c>), which reports print after the collection's
/// type. A view or enumerator (<c>Dictionary.Keys</c>, <c>List&lt;T&gt;.Enumerator</c>) reads the collection it was
/// taken from; a call through an interface is checked when the object behind it is a checked collection.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class CollectionHooks
{
    /// <summary>A call that reads <paramref name="collection"/> (a checked type, called directly).</summary>
    public static void Read(object? collection, int site) => Check(collection, site, write: false);

    /// <summary>A call that writes <paramref name="collection"/>.</summary>
    public static void Write(object? collection, int site) => Check(collection, site, write: true);

    /// <summary>A call on a view or enumerator object: a read of the collection behind it.</summary>
    public static void ReadView(object? view, int site)
    {
        if (view is not null && RaceSession.Active is { } session && session.CurrentOrCount() is { } thread &&
            CollectionOwners.Of(view) is { } owner)
        {
            Check(session, thread, owner, site, write: false);
        }
    }

    /// <summary>A call on a struct enumerator (<c>foreach</c> over a <c>List&lt;T&gt;</c>): a read of its collection.</summary>
    public static void ReadEnumerator<TEnumerator>(ref TEnumerator enumerator, int site)
        where TEnumerator : struct
    {
        if (RaceSession.Active is { } session && session.CurrentOrCount() is { } thread &&
            CollectionOwners.OfStruct(ref enumerator) is { } owner)
        {
            Check(session, thread, owner, site, write: false);
        }
    }

    /// <summary>
    /// A call through an interface (<c>ICollection&lt;T&gt;.Add</c>, <c>IEnumerator.MoveNext</c>) or a collection passed
    /// to a framework method that reads it (<c>Enumerable.ToList(list)</c>, <c>new List&lt;T&gt;(other)</c>): checked when
    /// the object is a checked collection, a view or an enumerator of one; the member decides read or write.
    /// </summary>
    public static void Interface(object? target, int site)
    {
        if (target is null || RaceSession.Active is not { } session || session.CurrentOrCount() is not { } thread)
        {
            return;
        }

        if (CheckedCollections.CheckedBase(target.GetType()) is { } type)
        {
            Check(session, thread, target, site, CheckedCollections.Writes(type, SiteTable.Get(site).Where.Operation ?? ""));
        }
        else if (target is Array array)
        {
            ArrayHooks.CheckRange(session, thread, array, 0, array.Length, site, write: false);
        }
        else if (CollectionOwners.Of(target) is { } owner)
        {
            Check(session, thread, owner, site, write: false);
        }
    }

    /// <summary>A collection or array passed to a framework method that only reads it: a read of it (all its elements, for an array).</summary>
    public static void ReadArgument(object? argument, int site)
    {
        if (argument is null || RaceSession.Active is not { } session || session.CurrentOrCount() is not { } thread)
        {
            return;
        }

        if (argument is Array array)
        {
            ArrayHooks.CheckRange(session, thread, array, 0, array.Length, site, write: false);
        }
        else if ((CheckedCollections.CheckedBase(argument.GetType()) is not null ? argument : CollectionOwners.Of(argument)) is { } owner)
        {
            Check(session, thread, owner, site, write: false);
        }
    }

    private static void Check(object? collection, int site, bool write)
    {
        if (collection is null || RaceSession.Active is not { } session || session.CurrentOrCount() is not { } thread)
        {
            return;
        }

        // A call site in a loop over one collection finds its contents again without looking up the type or the shadow.
        RaceSite where = SiteTable.Get(site);
        if ((session.Shadow.Remembered(collection, where) ??
            (CheckedCollections.CheckedBase(collection.GetType()) is not null ? session.Shadow.Contents(collection, where) : null)) is { } contents)
        {
            RaceHooks.Check(session, thread, contents, where.Where, write);
        }
    }

    private static void Check(RaceSession session, LogicalThread thread, object collection, int site, bool write)
    {
        RaceSite where = SiteTable.Get(site);
        RaceHooks.Check(session, thread, session.Shadow.Contents(collection, where), where.Where, write);
    }
}
