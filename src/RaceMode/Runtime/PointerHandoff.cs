namespace ActorConcurrency.RaceMode.Runtime;

/// <summary>
/// Hands a pointer's target across a call: the caller publishes what a <c>ref</c> argument (or the callee what its
/// <c>ref</c> return) points at, keyed by the pointer's address; the other side looks the address up. A match needs
/// the same address and no garbage collection in between (only a collection moves objects), so a match is the same
/// memory; no match (the other side is not rewritten, a collection happened) leaves the pointer unchecked. Per real
/// thread, a ring of a few entries: it holds at most that many owners, and only until overwritten or consumed.
/// </summary>
internal static class PointerHandoff
{
    private const int Size = 8;

    [ThreadStatic]
    private static Entry[]? t_ring;

    [ThreadStatic]
    private static int t_next;

    public static void Publish(nint address, object? owner, nint index, int target)
    {
        Entry[] ring = t_ring ??= new Entry[Size];
        ring[t_next++ & (Size - 1)] = new Entry(address, GC.CollectionCount(0), owner, index, target);
    }

    public static int Take(nint address, out object? owner, out nint index)
    {
        owner = null;
        index = 0;
        if (t_ring is not { } ring)
        {
            return 0;
        }

        int collections = GC.CollectionCount(0);
        for (int i = 0; i < Size; i++)
        {
            Entry entry = ring[i];
            if (entry.Target != 0 && entry.Address == address && entry.Collections == collections)
            {
                ring[i] = default;
                owner = entry.Owner;
                index = entry.Index;
                return entry.Target;
            }
        }

        return 0;
    }

    /// <summary>One published pointer.</summary>
    private readonly record struct Entry(nint Address, int Collections, object? Owner, nint Index, int Target);
}
