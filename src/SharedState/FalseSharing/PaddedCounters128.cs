using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;

namespace ActorConcurrency.SharedState.FalseSharing;

/// <summary>
/// Task 10: two counters, padded to two cache lines: 128 bytes apart, so not even the adjacent-line prefetcher, which moves aligned pairs of lines, couples them.
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = 3 * CacheLine.PrefetchPair)]
public struct PaddedCounters128 : ITwoCounters
{
    /// <summary>Where <see cref="First"/> sits, in bytes from the start of the struct.</summary>
    public const int FirstOffset = CacheLine.PrefetchPair;

    /// <summary>Where <see cref="Second"/> sits, in bytes from the start of the struct.</summary>
    public const int SecondOffset = 2 * CacheLine.PrefetchPair;

    /// <summary>Counter 0, written only by the first thread; its offset is the point of this type.</summary>
    [FieldOffset(FirstOffset)]
    public long First;

    /// <summary>Counter 1, written only by the second thread; its offset is the point of this type.</summary>
    [FieldOffset(SecondOffset)]
    public long Second;

    /// <inheritdoc />
    public void Increment(int counter)
    {
        if (counter == 0)
        {
            Interlocked.Increment(ref First);
        }
        else
        {
            Interlocked.Increment(ref Second);
        }
    }

    /// <inheritdoc />
    [UnscopedRef]
    public ref long Counter(int counter) => ref counter == 0 ? ref First : ref Second;

    /// <inheritdoc />
    public readonly long Read(int counter) => counter == 0 ? Volatile.Read(in First) : Volatile.Read(in Second);
}
