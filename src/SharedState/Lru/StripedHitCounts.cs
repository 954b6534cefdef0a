using System.Runtime.InteropServices;

namespace ActorConcurrency.SharedState.Lru;

/// <summary>
/// Hit and miss counts of <see cref="ClockLruCache{TKey,TValue}"/>, one cache-line padded cell per thread:
/// counting a hit never moves a line between cores (a shared counter would, on every lookup, and cost more
/// than the lookup). Each of the process's first <see cref="ExclusiveCells"/> threads to count owns one
/// cell outright and bumps it with a plain load and a release store — one writer, so nothing is lost and
/// no locked instruction is paid on the hot path. Threads past those share <see cref="SharedCells"/> other
/// cells (index modulo their count) with <see cref="Interlocked"/>, so no increment is lost either. The totals are the sums of
/// the cells; a read concurrent with lookups sees each increment or not, never a torn value.
/// </summary>
internal sealed class StripedHitCounts
{
    /// <summary>How many threads get a cell of their own.</summary>
    public const int ExclusiveCells = 64;

    /// <summary>Cells the later threads share (a power of two); 9 KiB of cells per cache in all.</summary>
    public const int SharedCells = 8;

    /// <summary>The last thread index handed out, process-wide.</summary>
    private static int s_lastThreadIndex = -1;

    /// <summary>This thread's index plus one (0: not assigned yet).</summary>
    [ThreadStatic]
    private static int t_threadIndexPlusOne;

    private readonly Cell[] _cells = new Cell[ExclusiveCells + SharedCells];

    public long Hits
    {
        get
        {
            long total = 0;
            for (int i = 0; i < _cells.Length; i++)
            {
                total += Volatile.Read(ref _cells[i].Hits);
            }

            return total;
        }
    }

    public long Misses
    {
        get
        {
            long total = 0;
            for (int i = 0; i < _cells.Length; i++)
            {
                total += Volatile.Read(ref _cells[i].Misses);
            }

            return total;
        }
    }

    public void Hit()
    {
        int index = ThreadIndex();
        bool exclusive = index < ExclusiveCells;
        Bump(ref _cells[exclusive ? index : ExclusiveCells + (index & (SharedCells - 1))].Hits, exclusive);
    }

    public void Miss()
    {
        int index = ThreadIndex();
        bool exclusive = index < ExclusiveCells;
        Bump(ref _cells[exclusive ? index : ExclusiveCells + (index & (SharedCells - 1))].Misses, exclusive);
    }

    private static void Bump(ref long counter, bool exclusive)
    {
        if (exclusive)
        {
            // Only this thread ever writes this cell: a plain read-modify-write cannot lose a count.
            Volatile.Write(ref counter, counter + 1);
        }
        else
        {
            Interlocked.Increment(ref counter);
        }
    }

    private static int ThreadIndex()
    {
        int plusOne = t_threadIndexPlusOne;
        if (plusOne == 0)
        {
            plusOne = Interlocked.Increment(ref s_lastThreadIndex) + 1;
            t_threadIndexPlusOne = plusOne;
        }

        return plusOne - 1;
    }

    /// <summary>Two counters alone on a 128-byte pair of lines (the adjacent-line prefetcher pairs lines too).</summary>
    [StructLayout(LayoutKind.Explicit, Size = 128)]
    private struct Cell
    {
        [FieldOffset(64)]
        public long Hits;

        [FieldOffset(72)]
        public long Misses;
    }
}
