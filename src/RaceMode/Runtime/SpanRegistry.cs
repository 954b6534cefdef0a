using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ActorConcurrency.RaceMode.Runtime;

/// <summary>
/// Which array a span made by rewritten code covers, so a copy or fill through the span can be checked on the array's
/// elements. A span made from an array (<c>AsSpan</c>, the implicit conversion, the constructors) is remembered per
/// real thread as the array and the range it covers; a later span is matched by comparing managed references into the
/// array (exact even when a garbage collection moved it meanwhile). A span race mode cannot trace is not checked (a
/// miss, never a false race). A ring of a few entries, as spans are made just before they are used.
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
        ring[t_next++ & (Size - 1)] = new Entry(array, start, span.Length);
    }

    /// <summary>The array, first index and length <paramref name="span"/> covers, or null when it is not known.</summary>
    public static (Array Array, int Start, int Length)? Find<T>(ReadOnlySpan<T> span)
    {
        if (t_ring is not { } ring || span.IsEmpty)
        {
            return null;
        }

        int size = Unsafe.SizeOf<T>();
        foreach (Entry entry in ring)
        {
            if (entry.Array is not T[] array)
            {
                continue;
            }

            nint bytes = Unsafe.ByteOffset(ref MemoryMarshal.GetArrayDataReference(array), ref MemoryMarshal.GetReference(span));
            if (bytes < 0 || bytes % size != 0)
            {
                continue;
            }

            long index = bytes / size;
            if (index >= entry.Start && index + span.Length <= entry.Start + entry.Length)
            {
                return (array, (int)index, span.Length);
            }
        }

        return null;
    }

    private readonly record struct Entry(Array? Array, int Start, int Length);
}
