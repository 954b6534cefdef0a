using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace ActorConcurrency.RaceMode.Runtime;

/// <summary>
/// <c>ConcurrentQueue</c>, <c>ConcurrentStack</c>, <c>ConcurrentBag</c> and <c>BlockingCollection</c> per item: the put of
/// an item happens before the take (or peek) that returns it, and nothing else; a take releases nothing. An item is
/// known by its identity, so for a reference type the edge is exact whatever order the collection keeps. A value-type
/// item has no identity: in a queue or a stack it is known by its position (<see cref="ItemOrderShadow"/>), which is as
/// exact; in a bag or a blocking collection its take acquires every put into the collection so far (which can hide a
/// race, never invent one). Every put also goes into the collection's clock, which the members that observe the whole
/// collection (<c>Count</c>, <c>ToArray</c>, enumeration) acquire through the generic bracket.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static partial class ConcurrentItemHooks
{
    private static readonly ConditionalWeakTable<object, object> s_items = new();

    public static void Add<T>(ConcurrentBag<T> bag, T item)
    {
        Put(bag, item);
        bag.Add(item);
    }

    public static bool TryTake<T>(ConcurrentBag<T> bag, [MaybeNullWhen(false)] out T result) => Taken(bag, bag.TryTake(out result), result);

    public static bool TryPeek<T>(ConcurrentBag<T> bag, [MaybeNullWhen(false)] out T result) => Taken(bag, bag.TryPeek(out result), result);

    public static void Add<T>(BlockingCollection<T> collection, T item)
    {
        Put(collection, item);
        collection.Add(item);
    }

    public static void Add<T>(BlockingCollection<T> collection, T item, CancellationToken cancellationToken)
    {
        Put(collection, item);
        collection.Add(item, cancellationToken);
    }

    public static bool TryAdd<T>(BlockingCollection<T> collection, T item)
    {
        Put(collection, item);
        return collection.TryAdd(item);
    }

    public static bool TryAdd<T>(BlockingCollection<T> collection, T item, int millisecondsTimeout)
    {
        Put(collection, item);
        return collection.TryAdd(item, millisecondsTimeout);
    }

    public static bool TryAdd<T>(BlockingCollection<T> collection, T item, TimeSpan timeout)
    {
        Put(collection, item);
        return collection.TryAdd(item, timeout);
    }

    public static T Take<T>(BlockingCollection<T> collection)
    {
        T item = collection.Take();
        Taken(collection, true, item);
        return item;
    }

    public static T Take<T>(BlockingCollection<T> collection, CancellationToken cancellationToken)
    {
        T item = collection.Take(cancellationToken);
        Taken(collection, true, item);
        return item;
    }

    public static bool TryTake<T>(BlockingCollection<T> collection, [MaybeNullWhen(false)] out T item) =>
        Taken(collection, collection.TryTake(out item), item);

    public static bool TryTake<T>(BlockingCollection<T> collection, [MaybeNullWhen(false)] out T item, int millisecondsTimeout) =>
        Taken(collection, collection.TryTake(out item, millisecondsTimeout), item);

    public static bool TryTake<T>(BlockingCollection<T> collection, [MaybeNullWhen(false)] out T item, TimeSpan timeout) =>
        Taken(collection, collection.TryTake(out item, timeout), item);

    /// <summary>A take from a consuming enumeration (<see cref="BlockingCollectionHooks"/>).</summary>
    internal static void TakenByEnumeration<T>(BlockingCollection<T> collection, T item) => Taken(collection, true, item);

    private static void Put<T>(object collection, T item)
    {
        if (RaceSession.Active is null)
        {
            return;
        }

        if (item is not null && !typeof(T).IsValueType)
        {
            SyncHooks.Release(s_items.GetValue(item, static _ => new object()));
        }

        SyncHooks.Release(collection);
    }

    private static bool Taken<T>(object collection, bool taken, T? item)
    {
        if (!taken || RaceSession.Active is null)
        {
            return taken;
        }

        if (item is not null && !typeof(T).IsValueType)
        {
            // An item put by code race mode did not see has no key: nothing to acquire.
            if (s_items.TryGetValue(item, out object? key))
            {
                SyncHooks.Acquire(key);
            }
        }
        else
        {
            SyncHooks.Acquire(collection);
        }

        return taken;
    }
}
