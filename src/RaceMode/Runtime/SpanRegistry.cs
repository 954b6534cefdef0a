using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ActorConcurrency.RaceMode.Runtime;

/// <summary>
/// Which array a span made by rewritten code covers, so a copy or fill through the span can be checked on the array's
/// elements. A span made from an array (<c>AsSpan</c>, the implicit conversion, the constructors) is remembered per
/// real thread with the address of its first element, matched only while no garbage collection ran since (only a
/// collection moves arrays): a span race mode cannot trace is not checked (a miss, never a false race). A ring of a few
/// entries, as spans are made just before they are used.
/// </summary>
internal static class SpanRegistry
{
    private const int Size = 8;

    [ThreadStatic]
    private static Entry[]? t_ring;

    [ThreadStatic]
    private static int t_next;

    public static void Register<T>(T[]? array, int start, ReadOnlySpan<T> span)
    {
        if (array is null || span.IsEmpty || RaceSession.Active is null)
        {
            return;
        }

        Entry[] ring = t_ring ??= new Entry[Size];
        ring[t_next++ & (Size - 1)] = new Entry(array, start, span.Length, Address(span), GC.CollectionCount(0));
    }

    /// <summary>The array, first index and length <paramref name="span"/> covers, or null when it is not known.</summary>
    public static (Array Array, int Start, int Length)? Find<T>(ReadOnlySpan<T> span)
    {
        if (t_ring is not { } ring || span.IsEmpty)
        {
            return null;
        }

        nint address = Address(span);
        int collections = GC.CollectionCount(0);
        int size = Unsafe.SizeOf<T>();
        foreach (Entry entry in ring)
        {
            if (entry.Array is null || entry.Collections != collections)
            {
                continue;
            }

            nint offset = address - entry.Address;
            if (offset >= 0 && offset % size == 0 && offset / size + span.Length <= entry.Length)
            {
                return (entry.Array, entry.Start + (int)(offset / size), span.Length);
            }
        }

        return null;
    }

    private static nint Address<T>(ReadOnlySpan<T> span) => Unsafe.ByteOffset(ref Unsafe.NullRef<T>(), ref MemoryMarshal.GetReference(span));

    private readonly record struct Entry(Array? Array, int Start, int Length, nint Address, int Collections);
}
