using System.Numerics;
using System.Runtime.InteropServices;

namespace ActorConcurrency.SharedState.Lru;

/// <summary>
/// Hit and miss counts of <see cref="ClockLruCache{TKey,TValue}"/>, striped by the core the caller runs on:
/// each core increments its own cache-line padded cell, so counting a hit never moves a line between
/// cores (one shared counter would, on every lookup, and cost more than the lookup itself). The totals are
/// the sums of the cells; a read concurrent with lookups sees each increment or not, never a torn value.
/// </summary>
internal sealed class StripedHitCounts
{
    private readonly Cell[] _cells;
    private readonly int _mask;

    public StripedHitCounts()
    {
        int stripes = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(2, Environment.ProcessorCount));
        _cells = new Cell[stripes];
        _mask = stripes - 1;
    }

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

    /// <summary>
    /// Interlocked, not a plain increment: two threads may share a core's cell (one preempted between its
    /// processor-id read and its increment), and neither may lose the other's count.
    /// </summary>
    public void Hit() => Interlocked.Increment(ref _cells[Thread.GetCurrentProcessorId() & _mask].Hits);

    public void Miss() => Interlocked.Increment(ref _cells[Thread.GetCurrentProcessorId() & _mask].Misses);

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
