using System.Runtime.InteropServices;

namespace ActorConcurrency.SharedState.ShardedCounters;

/// <summary>
/// One stripe of <see cref="StripedCounter"/>: a sequence number and a value alone on their cache line.
/// The struct is two cache lines wide and its fields sit at the start of the second one, so in an array
/// the hot words of neighbouring stripes are <see cref="Size"/> bytes apart and never share a line
/// (nor an adjacent-line prefetch pair), whatever the array's alignment.
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = Size)]
internal struct PaddedCell
{
    /// <summary>The cache-line size the padding assumes (64 bytes on x64 and most ARM64 cores).</summary>
    public const int CacheLine = 64;

    /// <summary>Width of one cell: two lines, so the adjacent-line prefetcher does not pair neighbours either.</summary>
    public const int Size = 2 * CacheLine;

    /// <summary>
    /// The stripe's sequence lock: even while no writer holds the stripe, odd while one does. A writer takes
    /// it by a compare-and-swap from even to odd and releases it by a release-store of the next even value,
    /// so a reader that sees the same even number before and after reading <see cref="Value"/> knows no write
    /// to this stripe overlapped its read.
    /// </summary>
    [FieldOffset(CacheLine)]
    public long Sequence;

    /// <summary>The stripe's share of the total; written only by the holder of <see cref="Sequence"/>.</summary>
    [FieldOffset(CacheLine + sizeof(long))]
    public long Value;
}
