using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace ActorConcurrency.SharedState.Rings;

/// <summary>
/// Task 14, the exercise's simple form: an array, a head the consumer advances and a tail the producer
/// advances, both monotonically increasing 64-bit counters (slot = counter &amp; mask, so full and empty
/// are told apart by <c>tail - head</c> and never wrap in practice). No lock, no CAS: each index has one
/// writer and is published with a release store, read with an acquire load.
/// <para>
/// The acquire/release pairs that make it correct on weak memory models (Arm64):
/// (1) the producer writes the slot, then <c>Volatile.Write(tail)</c> (release); the consumer
/// <c>Volatile.Read(tail)</c> (acquire), then reads the slot — so the consumer never reads a slot before
/// its item is written; (2) the consumer reads (and clears) the slot, then <c>Volatile.Write(head)</c>
/// (release); the producer <c>Volatile.Read(head)</c> (acquire) before overwriting — so the producer
/// never overwrites a slot the consumer is still reading.
/// </para>
/// Both indexes sit next to each other, so producer and consumer keep stealing one cache line from each
/// other; <see cref="PaddedSpscRingBuffer{T}"/> is the form that avoids that.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed class SpscRingBuffer<T> : ISpscQueue<T>
{
    private readonly T[] _slots;
    private readonly int _mask;

    /// <summary>Next index the consumer reads. Written by the consumer only (release); read by the producer (acquire).</summary>
    private long _head;

    /// <summary>Next index the producer writes. Written by the producer only (release); read by the consumer (acquire).</summary>
    private long _tail;

    /// <summary>Creates an empty ring of <paramref name="capacity"/> slots.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is not a power of two.</exception>
    public SpscRingBuffer(int capacity)
    {
        _slots = new T[RingCapacity.Validate(capacity, nameof(capacity))];
        _mask = capacity - 1;
    }

    /// <inheritdoc />
    public int Capacity => _slots.Length;

    /// <summary>Items in the ring now; exact only when neither side is running.</summary>
    public int Count => (int)(Volatile.Read(ref _tail) - Volatile.Read(ref _head));

    /// <inheritdoc />
    public bool TryEnqueue(T item)
    {
        long tail = _tail; // only this (producer) thread writes it
        if (tail - Volatile.Read(ref _head) == _slots.Length)
        {
            return false; // full: the consumer has not released the slot we would overwrite
        }

        _slots[tail & _mask] = item;
        Volatile.Write(ref _tail, tail + 1); // release: the slot write is visible before the new tail
        return true;
    }

    /// <inheritdoc />
    public bool TryDequeue(out T item)
    {
        long head = _head; // only this (consumer) thread writes it
        if (head == Volatile.Read(ref _tail)) // acquire: pairs with the producer's release of tail
        {
            item = default!;
            return false;
        }

        long index = head & _mask;
        item = _slots[index];
        if (RuntimeHelpers.IsReferenceOrContainsReferences<T>())
        {
            _slots[index] = default!; // do not keep a consumed item alive
        }

        Volatile.Write(ref _head, head + 1); // release: the read (and clear) happen before the producer may reuse the slot
        // The consumer does not own _tail: a plain read here would race with the producer's store (race mode found it).
        Debug.Assert(Volatile.Read(ref _tail) - (head + 1) >= 0, "head never passes tail");
        return true;
    }
}
