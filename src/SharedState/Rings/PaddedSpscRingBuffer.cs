using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace ActorConcurrency.SharedState.Rings;

/// <summary>
/// Task 14, the optimised form of <see cref="SpscRingBuffer{T}"/>, with the same contract and the same
/// acquire/release pairs, plus three things that cut cache-line traffic between the two threads:
/// <list type="number">
/// <item>head and tail live on separate, padded cache lines (<see cref="RingIndexes"/>), so a write of one
/// does not invalidate the line the other side spins on (no false sharing);</item>
/// <item>each side caches the other side's index and re-reads it (an acquire load of the other line) only
/// when the cached value says full (producer) or empty (consumer) — most operations touch one line;</item>
/// <item>batch operations (<see cref="TryEnqueueMany"/>, <see cref="TryDequeueMany"/>) move many slots per
/// release store, so one index publication covers a whole batch.</item>
/// </list>
/// Why the cached index is safe: the producer's cached head is a value the consumer really published,
/// and the head only grows, so "free slots by the cached head" never over-estimates the free space (the
/// consumer can only have freed more). Symmetrically the consumer's cached tail never over-estimates the
/// items available. A stale cache can only make a side think the ring is fuller/emptier than it is,
/// which it fixes by re-reading with acquire.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed class PaddedSpscRingBuffer<T> : ISpscQueue<T>
{
    private readonly T[] _slots;
    private readonly int _mask;

    /// <summary>Head, tail and the cached copies, each side's pair on its own padded cache line.</summary>
    private RingIndexes _indexes;

    /// <summary>Creates an empty ring of <paramref name="capacity"/> slots.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is not a power of two.</exception>
    public PaddedSpscRingBuffer(int capacity)
    {
        _slots = new T[RingCapacity.Validate(capacity, nameof(capacity))];
        _mask = capacity - 1;
    }

    /// <inheritdoc />
    public int Capacity => _slots.Length;

    /// <summary>Items in the ring now; exact only when neither side is running.</summary>
    public int Count => (int)(Volatile.Read(ref _indexes.Tail) - Volatile.Read(ref _indexes.Head));

    /// <inheritdoc />
    public bool TryEnqueue(T item)
    {
        long tail = _indexes.Tail; // producer-owned
        if (tail - _indexes.CachedHead == _slots.Length)
        {
            // Full by the cached head: look at the consumer's line (acquire pairs with its release of head).
            _indexes.CachedHead = Volatile.Read(ref _indexes.Head);
            if (tail - _indexes.CachedHead == _slots.Length)
            {
                return false;
            }
        }

        _slots[tail & _mask] = item;
        Volatile.Write(ref _indexes.Tail, tail + 1); // release: the slot is written before the tail says so
        return true;
    }

    /// <inheritdoc />
    public bool TryDequeue(out T item)
    {
        long head = _indexes.Head; // consumer-owned
        if (head == _indexes.CachedTail)
        {
            // Empty by the cached tail: look at the producer's line (acquire pairs with its release of tail).
            _indexes.CachedTail = Volatile.Read(ref _indexes.Tail);
            if (head == _indexes.CachedTail)
            {
                item = default!;
                return false;
            }
        }

        long index = head & _mask;
        item = _slots[index];
        if (RuntimeHelpers.IsReferenceOrContainsReferences<T>())
        {
            _slots[index] = default!;
        }

        Volatile.Write(ref _indexes.Head, head + 1); // release: the slot is read (and cleared) before the producer may reuse it
        return true;
    }

    /// <summary>
    /// Producer only: appends as many items of <paramref name="items"/>, in order, as fit, publishing them
    /// all with one release store. Returns how many were appended (0 when full).
    /// </summary>
    public int TryEnqueueMany(ReadOnlySpan<T> items)
    {
        long tail = _indexes.Tail;
        long free = _slots.Length - (tail - _indexes.CachedHead);
        if (free < items.Length)
        {
            _indexes.CachedHead = Volatile.Read(ref _indexes.Head);
            free = _slots.Length - (tail - _indexes.CachedHead);
        }

        int count = (int)Math.Min(free, items.Length);
        if (count == 0)
        {
            return 0;
        }

        // The batch may wrap: copy it as (up to) two contiguous runs.
        int start = (int)(tail & _mask);
        int firstRun = Math.Min(count, _slots.Length - start);
        items[..firstRun].CopyTo(_slots.AsSpan(start));
        items[firstRun..count].CopyTo(_slots);
        Volatile.Write(ref _indexes.Tail, tail + count); // one release publishes the whole batch
        return count;
    }

    /// <summary>
    /// Consumer only: takes up to <c>destination.Length</c> of the oldest items, in order, releasing their
    /// slots with one release store. Returns how many were taken (0 when empty).
    /// </summary>
    public int TryDequeueMany(Span<T> destination)
    {
        long head = _indexes.Head;
        long available = _indexes.CachedTail - head;
        if (available < destination.Length)
        {
            _indexes.CachedTail = Volatile.Read(ref _indexes.Tail);
            available = _indexes.CachedTail - head;
        }

        int count = (int)Math.Min(available, destination.Length);
        if (count == 0)
        {
            return 0;
        }

        int start = (int)(head & _mask);
        int firstRun = Math.Min(count, _slots.Length - start);
        Span<T> first = _slots.AsSpan(start, firstRun);
        Span<T> second = _slots.AsSpan(0, count - firstRun);
        first.CopyTo(destination);
        second.CopyTo(destination[firstRun..]);
        if (RuntimeHelpers.IsReferenceOrContainsReferences<T>())
        {
            first.Clear();
            second.Clear();
        }

        Volatile.Write(ref _indexes.Head, head + count);
        Debug.Assert(head + count <= _indexes.CachedTail, "head never passes the tail it saw");
        return count;
    }
}
