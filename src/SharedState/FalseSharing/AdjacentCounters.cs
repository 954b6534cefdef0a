using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;

namespace ActorConcurrency.SharedState.FalseSharing;

/// <summary>
/// Task 10: two counters, no padding: the two fields are 8 bytes apart, so they always share a cache line and every increment by one thread invalidates the line the other thread is writing (false sharing).
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = 16)]
public struct AdjacentCounters : ITwoCounters
{
    /// <summary>Where <see cref="First"/> sits, in bytes from the start of the struct.</summary>
    public const int FirstOffset = 0;

    /// <summary>Where <see cref="Second"/> sits, in bytes from the start of the struct.</summary>
    public const int SecondOffset = 8;

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
