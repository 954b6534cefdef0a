using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace ActorConcurrency.RaceMode.Runtime;

/// <summary>
/// The puts of the value-type items of one <c>ConcurrentQueue</c> (first in, first out) or <c>ConcurrentStack</c> (last
/// in, first out), in the collection's own order: a value has no identity, so the take that returns an item is matched
/// with its put by position, as a channel's items are (<see cref="ChannelShadow"/>). Every change goes through
/// <see cref="Gate"/> together with the real operation, so the tokens are in the order the items really are; items
/// already in the collection when race mode first saw it carry no clock.
/// </summary>
internal sealed class ItemOrderShadow
{
    private static readonly ConditionalWeakTable<object, ItemOrderShadow> s_shadows = new();

    private readonly LinkedList<object?> _tokens = new();

    private ItemOrderShadow(int present)
    {
        for (int i = 0; i < present; i++)
        {
            _tokens.AddLast((object?)null);
        }
    }

    /// <summary>Held around the real operation and the token's put or take.</summary>
    public Lock Gate { get; } = new();

    public static ItemOrderShadow Of<T>(ConcurrentQueue<T> queue) => s_shadows.GetValue(queue, static q => new ItemOrderShadow(((ConcurrentQueue<T>)q).Count));

    public static ItemOrderShadow Of<T>(ConcurrentStack<T> stack) => s_shadows.GetValue(stack, static s => new ItemOrderShadow(((ConcurrentStack<T>)s).Count));

    /// <summary>An item put after every other (at the tail of a queue, on top of a stack), carrying <paramref name="token"/>.</summary>
    public void Put(object? token) => _tokens.AddLast(token);

    /// <summary>The token of the oldest item (a queue's head), taken when <paramref name="remove"/>.</summary>
    public object? First(bool remove) => Take(_tokens.First, remove);

    /// <summary>The token of the newest item (a stack's top), taken when <paramref name="remove"/>.</summary>
    public object? Last(bool remove) => Take(_tokens.Last, remove);

    public void Clear() => _tokens.Clear();

    private object? Take(LinkedListNode<object?>? node, bool remove)
    {
        if (node is null)
        {
            // An item put by code race mode did not rewrite (through an interface, or by the framework): no clock.
            return null;
        }

        if (remove)
        {
            _tokens.Remove(node);
        }

        return node.Value;
    }
}
