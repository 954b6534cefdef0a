using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace ActorConcurrency.RaceMode.Runtime;

/// <summary>
/// The queue and the stack: a value-type item is known by its position (<see cref="ItemOrderShadow"/>), every change
/// made under the shadow's gate together with the real operation; a reference-type item by its identity, as in the
/// other collections.
/// </summary>
public static partial class ConcurrentItemHooks
{
    public static void Enqueue<T>(ConcurrentQueue<T> queue, T item)
    {
        if (!typeof(T).IsValueType)
        {
            Put(queue, item);
            queue.Enqueue(item);
            return;
        }

        object? token = PutToken(queue);
        ItemOrderShadow shadow = ItemOrderShadow.Of(queue);
        lock (shadow.Gate)
        {
            queue.Enqueue(item);
            shadow.Put(token);
        }
    }

    public static bool TryDequeue<T>(ConcurrentQueue<T> queue, [MaybeNullWhen(false)] out T result) => FromQueue(queue, remove: true, out result);

    public static bool TryPeek<T>(ConcurrentQueue<T> queue, [MaybeNullWhen(false)] out T result) => FromQueue(queue, remove: false, out result);

    public static void Clear<T>(ConcurrentQueue<T> queue)
    {
        ItemOrderShadow shadow = ItemOrderShadow.Of(queue);
        lock (shadow.Gate)
        {
            queue.Clear();
            shadow.Clear();
        }
    }

    public static void Push<T>(ConcurrentStack<T> stack, T item)
    {
        if (!typeof(T).IsValueType)
        {
            Put(stack, item);
            stack.Push(item);
            return;
        }

        PushRange(stack, [item], 0, 1);
    }

    public static void PushRange<T>(ConcurrentStack<T> stack, T[] items) => PushRange(stack, items, 0, items?.Length ?? 0);

    public static void PushRange<T>(ConcurrentStack<T> stack, T[] items, int startIndex, int count)
    {
        if (!typeof(T).IsValueType)
        {
            // An invalid range makes the real call throw: the puts released before it only add order.
            for (int i = 0; items is not null && startIndex >= 0 && i < count && startIndex + i < items.Length; i++)
            {
                Put(stack, items[startIndex + i]);
            }

            stack.PushRange(items!, startIndex, count);
            return;
        }

        object? token = PutToken(stack);
        ItemOrderShadow shadow = ItemOrderShadow.Of(stack);
        lock (shadow.Gate)
        {
            stack.PushRange(items, startIndex, count);
            for (int i = 0; i < count; i++)
            {
                shadow.Put(token);
            }
        }
    }

    public static bool TryPop<T>(ConcurrentStack<T> stack, [MaybeNullWhen(false)] out T result) => FromStack(stack, remove: true, out result);

    public static bool TryPeek<T>(ConcurrentStack<T> stack, [MaybeNullWhen(false)] out T result) => FromStack(stack, remove: false, out result);

    public static int TryPopRange<T>(ConcurrentStack<T> stack, T[] items) => TryPopRange(stack, items, 0, items?.Length ?? 0);

    public static int TryPopRange<T>(ConcurrentStack<T> stack, T[] items, int startIndex, int count)
    {
        if (!typeof(T).IsValueType)
        {
            int popped = stack.TryPopRange(items, startIndex, count);
            for (int i = 0; i < popped; i++)
            {
                Taken(stack, true, items[startIndex + i]);
            }

            return popped;
        }

        ItemOrderShadow shadow = ItemOrderShadow.Of(stack);
        var tokens = new List<object?>();
        int taken;
        lock (shadow.Gate)
        {
            taken = stack.TryPopRange(items, startIndex, count);
            for (int i = 0; i < taken; i++)
            {
                tokens.Add(shadow.Last(remove: true));
            }
        }

        tokens.ForEach(SyncHooks.Acquire);
        return taken;
    }

    public static void Clear<T>(ConcurrentStack<T> stack)
    {
        ItemOrderShadow shadow = ItemOrderShadow.Of(stack);
        lock (shadow.Gate)
        {
            stack.Clear();
            shadow.Clear();
        }
    }

    private static bool FromQueue<T>(ConcurrentQueue<T> queue, bool remove, [MaybeNullWhen(false)] out T result)
    {
        if (!typeof(T).IsValueType)
        {
            return Taken(queue, remove ? queue.TryDequeue(out result) : queue.TryPeek(out result), result);
        }

        ItemOrderShadow shadow = ItemOrderShadow.Of(queue);
        lock (shadow.Gate)
        {
            return AcquiredAt(remove ? queue.TryDequeue(out result) : queue.TryPeek(out result), shadow, head: true, remove);
        }
    }

    private static bool FromStack<T>(ConcurrentStack<T> stack, bool remove, [MaybeNullWhen(false)] out T result)
    {
        if (!typeof(T).IsValueType)
        {
            return Taken(stack, remove ? stack.TryPop(out result) : stack.TryPeek(out result), result);
        }

        ItemOrderShadow shadow = ItemOrderShadow.Of(stack);
        lock (shadow.Gate)
        {
            return AcquiredAt(remove ? stack.TryPop(out result) : stack.TryPeek(out result), shadow, head: false, remove);
        }
    }

    /// <summary>Holding the shadow's gate, after a take or peek: acquires the token of the oldest (head) or newest item it returned.</summary>
    private static bool AcquiredAt(bool taken, ItemOrderShadow shadow, bool head, bool remove)
    {
        if (taken)
        {
            SyncHooks.Acquire(head ? shadow.First(remove) : shadow.Last(remove));
        }

        return taken;
    }

    /// <summary>The key of a value-type put, released into (null outside a session), and the put into the collection's clock.</summary>
    private static object? PutToken(object collection)
    {
        if (RaceSession.Active is null)
        {
            return null;
        }

        var token = new object();
        SyncHooks.Release(token);
        SyncHooks.Release(collection);
        return token;
    }
}
