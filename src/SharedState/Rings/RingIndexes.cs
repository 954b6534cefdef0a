using System.Runtime.InteropServices;

namespace ActorConcurrency.SharedState.Rings;

/// <summary>
/// The indexes of <see cref="PaddedSpscRingBuffer{T}"/>, laid out so the producer's line and the consumer's
/// line never share a cache line with each other or with neighbouring memory. Each side's line holds its
/// own index and its cached copy of the other side's index — fields only that side touches often — so in
/// the common case a side reads and writes only its own line, and the other side's line moves only when
/// the cached copy runs out. <see cref="Padding"/> bytes (two 64-byte lines, against the adjacent-line
/// prefetcher of x64 parts and Apple's 128-byte lines) separate each group from the next.
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = 4 * Padding)]
internal struct RingIndexes
{
    /// <summary>The padding between groups: 128 bytes.</summary>
    public const int Padding = 128;

    /// <summary>Producer's line: next index to write. Written by the producer (release), read by the consumer (acquire).</summary>
    [FieldOffset(Padding)]
    public long Tail;

    /// <summary>Producer's line: the last head the producer read. Producer only.</summary>
    [FieldOffset(Padding + sizeof(long))]
    public long CachedHead;

    /// <summary>Consumer's line: next index to read. Written by the consumer (release), read by the producer (acquire).</summary>
    [FieldOffset(3 * Padding)]
    public long Head;

    /// <summary>Consumer's line: the last tail the consumer read. Consumer only.</summary>
    [FieldOffset((3 * Padding) + sizeof(long))]
    public long CachedTail;
}
