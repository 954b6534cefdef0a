using System.Collections.Concurrent;
using System.ComponentModel;

namespace ActorConcurrency.RaceMode.Runtime;

/// <summary>
/// <c>BlockingCollection&lt;T&gt;.GetConsumingEnumerable</c>: each item the consumer's loop takes is a take (it acquires
/// the item's put, as <c>Take</c> does: <see cref="ConcurrentItemHooks"/>). The framework's own enumerator takes the items where race mode cannot see it, so the
/// loop would otherwise learn nothing of what the producer did before each <c>Add</c>.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class BlockingCollectionHooks
{
    public static IEnumerable<T> GetConsumingEnumerable<T>(BlockingCollection<T> collection) =>
        Taken(collection, collection.GetConsumingEnumerable());

    public static IEnumerable<T> GetConsumingEnumerable<T>(BlockingCollection<T> collection, CancellationToken cancellationToken) =>
        Taken(collection, collection.GetConsumingEnumerable(cancellationToken));

    private static IEnumerable<T> Taken<T>(BlockingCollection<T> collection, IEnumerable<T> items)
    {
        foreach (T item in items)
        {
            // MoveNext runs on the consumer's thread: the take happens there.
            ConcurrentItemHooks.TakenByEnumeration(collection, item);
            yield return item;
        }
    }
}
