using System.Runtime.CompilerServices;

namespace ActorConcurrency.RaceMode.Runtime;

/// <summary>
/// Hands a pointer's target across a call: the caller publishes what a <c>ref</c> argument (or the callee what its
/// <c>ref</c> return) points at; the other side finds it by the pointer itself. A pointer into an object is kept as
/// the owner and the byte offset inside it, which a garbage collection does not change, and matched by comparing
/// managed references (exact even if the object moved meanwhile). A pointer to a static is matched by its address
/// and only when no collection happened in between. No match (the other side is not rewritten, say) leaves the
/// pointer unchecked. Per real thread, a ring of a few entries: it holds at most that many owners, until
/// overwritten, taken, or the logical thread leaves the real thread.
/// </summary>
internal static class PointerHandoff
{
    private const int Size = 8;

    [ThreadStatic]
    private static Entry[]? t_ring;

    [ThreadStatic]
    private static int t_next;

    public static void Publish(ref byte pointer, object? owner, nint index, int target)
    {
        Entry[] ring = t_ring ??= new Entry[Size];
        ring[t_next++ & (Size - 1)] = owner is not null && (PointerKind)(target & 3) != PointerKind.Static
            ? new Entry(owner, Unsafe.ByteOffset(ref Data(owner), ref pointer), 0, index, target)
            : new Entry(owner, Address(ref pointer), GC.CollectionCount(0), index, target);
    }

    /// <summary>Forgets every published pointer of this real thread (a logical thread leaves it: nothing of it is still to be taken).</summary>
    public static void Clear()
    {
        if (t_ring is { } ring)
        {
            Array.Clear(ring);
        }
    }

    public static int Take(ref byte pointer, out object? owner, out nint index)
    {
        owner = null;
        index = 0;
        if (t_ring is not { } ring)
        {
            return 0;
        }

        for (int i = 0; i < Size; i++)
        {
            Entry entry = ring[i];
            if (entry.Target != 0 && Matches(entry, ref pointer))
            {
                ring[i] = default;
                owner = entry.Owner;
                index = entry.Index;
                return entry.Target;
            }
        }

        return 0;
    }

    private static bool Matches(in Entry entry, ref byte pointer) =>
        entry.Owner is not null && (PointerKind)(entry.Target & 3) != PointerKind.Static
            ? Unsafe.AreSame(ref Unsafe.AddByteOffset(ref Data(entry.Owner), entry.Offset), ref pointer)
            : entry.Offset == Address(ref pointer) && entry.Collections == GC.CollectionCount(0);

    private static nint Address(ref byte pointer) => Unsafe.ByteOffset(ref Unsafe.NullRef<byte>(), ref pointer);

    /// <summary>A managed reference to the first byte of <paramref name="owner"/>'s data (its fields, or an array's length).</summary>
    private static ref byte Data(object owner) => ref Unsafe.As<RawObject>(owner).Data;

    /// <summary>One published pointer: an offset inside its owner, or (for a static) an address.</summary>
    private readonly record struct Entry(object? Owner, nint Offset, int Collections, nint Index, int Target);

    /// <summary>The layout every object starts with after its header: a stand-in to reach its first byte.</summary>
    private sealed class RawObject
    {
        public byte Data;
    }
}
