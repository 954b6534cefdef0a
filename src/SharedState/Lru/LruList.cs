using System.Diagnostics;

namespace ActorConcurrency.SharedState.Lru;

/// <summary>
/// The recency order: an intrusive doubly linked list with a sentinel, most recently used first, so
/// moving, adding and removing a node are O(1). Not thread-safe: its owner serialises every call (a lock
/// or an actor's mailbox).
/// </summary>
internal sealed class LruList<TKey, TValue>
{
    /// <summary>Sentinel: <c>Next</c> is the most recently used node, <c>Previous</c> the least.</summary>
    private readonly LruNode<TKey, TValue> _sentinel = new(default!, default!);

    public LruList()
    {
        _sentinel.Next = _sentinel;
        _sentinel.Previous = _sentinel;
    }

    public int Count { get; private set; }

    /// <summary>The least recently used node, or null when empty.</summary>
    public LruNode<TKey, TValue>? Last => Count == 0 ? null : _sentinel.Previous;

    public void AddFirst(LruNode<TKey, TValue> node)
    {
        Debug.Assert(!node.IsLinked, "a node is linked once");
        LruNode<TKey, TValue> first = _sentinel.Next!;
        node.Previous = _sentinel;
        node.Next = first;
        first.Previous = node;
        _sentinel.Next = node;
        node.IsLinked = true;
        Count++;
    }

    public void MoveToFirst(LruNode<TKey, TValue> node)
    {
        Debug.Assert(node.IsLinked, "only a linked node can be promoted");
        if (_sentinel.Next == node)
        {
            return;
        }

        Remove(node);
        AddFirst(node);
    }

    /// <summary>Puts <paramref name="node"/> where <paramref name="old"/> is, and unlinks <paramref name="old"/>.</summary>
    public void Replace(LruNode<TKey, TValue> old, LruNode<TKey, TValue> node)
    {
        Debug.Assert(old.IsLinked && !node.IsLinked, "a linked node is replaced by an unlinked one");
        node.Previous = old.Previous;
        node.Next = old.Next;
        old.Previous!.Next = node;
        old.Next!.Previous = node;
        node.IsLinked = true;
        old.Previous = null;
        old.Next = null;
        old.IsLinked = false;
    }

    public void Remove(LruNode<TKey, TValue> node)
    {
        Debug.Assert(node.IsLinked, "only a linked node can be removed");
        node.Previous!.Next = node.Next;
        node.Next!.Previous = node.Previous;
        node.Previous = null;
        node.Next = null;
        node.IsLinked = false;
        Count--;
    }

    /// <summary>Unlinks every node (readers may still hold some) and empties the list.</summary>
    public void Clear()
    {
        LruNode<TKey, TValue> n = _sentinel.Next!;
        while (n != _sentinel)
        {
            LruNode<TKey, TValue> next = n.Next!;
            n.Previous = null;
            n.Next = null;
            n.IsLinked = false;
            n = next;
        }

        _sentinel.Next = _sentinel;
        _sentinel.Previous = _sentinel;
        Count = 0;
    }

    /// <summary>The nodes from the least to the most recently used (the back of the list first).</summary>
    public List<LruNode<TKey, TValue>> NodesOldestFirst()
    {
        var nodes = new List<LruNode<TKey, TValue>>(Count);
        for (LruNode<TKey, TValue>? n = _sentinel.Previous; n is not null && n != _sentinel && nodes.Count < Count; n = n.Previous)
        {
            nodes.Add(n);
        }

        return nodes;
    }

    /// <summary>The keys from the most to the least recently used, walking forwards (bounded, so a cycle cannot hang it).</summary>
    public List<TKey> KeysForward()
    {
        var keys = new List<TKey>(Count);
        for (LruNode<TKey, TValue>? n = _sentinel.Next; n is not null && n != _sentinel && keys.Count <= Count; n = n.Next)
        {
            keys.Add(n.Key);
        }

        return keys;
    }

    /// <summary>Whether walking backwards from the least recently used meets the forward walk's nodes in reverse.</summary>
    public bool LinksAgree()
    {
        var forward = new List<LruNode<TKey, TValue>>(Count);
        for (LruNode<TKey, TValue>? n = _sentinel.Next; n is not null && n != _sentinel && forward.Count <= Count; n = n.Next)
        {
            forward.Add(n);
        }

        int i = forward.Count - 1;
        for (LruNode<TKey, TValue>? n = _sentinel.Previous; n is not null && n != _sentinel; n = n.Previous, i--)
        {
            if (i < 0 || forward[i] != n)
            {
                return false;
            }
        }

        return i == -1 && forward.Count == Count;
    }
}
