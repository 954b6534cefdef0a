using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

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
/// <para>
/// The item-by-item path is written for the JIT (docs/rings.md shows the code it emitted before and after):
/// the slots array has <see cref="SlotPadding"/> unused slots at each end, so slot 0 does not share a cache
/// line with the array's length field and the last slot does not share one with whatever the allocator put
/// after the array; a slot is reached by <see cref="Unsafe.Add{T}(ref T, nint)"/> from the array's data
/// reference at a masked index, which is always inside the array, so there is no bounds check and no load of
/// the array's length (whose line the producer's writes to the first slots keep stealing); and the capacity
/// and mask are 64-bit fields, so the full test and the slot index need no sign extension.
/// </para>
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed class PaddedSpscRingBuffer<T> : ISpscQueue<T>
{
    /// <summary>
    /// Unused slots before the first and after the last slot: enough for <see cref="RingIndexes.Padding"/> bytes,
    /// so no slot shares a cache line (or an adjacent-line pair) with the array header or the next object.
    /// </summary>
    internal static readonly int SlotPadding = (RingIndexes.Padding + Unsafe.SizeOf<T>() - 1) / Unsafe.SizeOf<T>();

    /// <summary>The ring's storage: <see cref="SlotPadding"/> + capacity + <see cref="SlotPadding"/> slots; slot i is <c>_slots[SlotPadding + i]</c>.</summary>
    private readonly T[] _slots;

    /// <summary>The number of usable slots, as a long so the full test compares 64-bit values directly.</summary>
    private readonly long _capacity;

    /// <summary><see cref="_capacity"/> − 1: index &amp; mask is the slot of a 64-bit index.</summary>
    private readonly long _mask;

    /// <summary>Head, tail and the cached copies, each side's pair on its own padded cache line.</summary>
    private RingIndexes _indexes;

    /// <summary>Creates an empty ring of <paramref name="capacity"/> slots.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is not a power of two.</exception>
    public PaddedSpscRingBuffer(int capacity)
    {
        _capacity = RingCapacity.Validate(capacity, nameof(capacity));
        _mask = _capacity - 1;
        _slots = new T[capacity + (2 * SlotPadding)];
    }

    /// <inheritdoc />
    public int Capacity => (int)_capacity;

    /// <summary>Items in the ring now; exact only when neither side is running.</summary>
    public int Count => (int)(Volatile.Read(ref _indexes.Tail) - Volatile.Read(ref _indexes.Head));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryEnqueue(T item)
    {
        long tail = _indexes.Tail; // producer-owned
        if (tail - _indexes.CachedHead == _capacity)
        {
            // Full by the cached head: look at the consumer's line (acquire pairs with its release of head).
            long head = Volatile.Read(ref _indexes.Head);
            _indexes.CachedHead = head;
            if (tail - head == _capacity)
            {
                return false;
            }
        }

        Slot(tail) = item;
        Volatile.Write(ref _indexes.Tail, tail + 1); // release: the slot is written before the tail says so
        return true;
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryDequeue(out T item)
    {
        long head = _indexes.Head; // consumer-owned
        if (head == _indexes.CachedTail)
        {
            // Empty by the cached tail: look at the producer's line (acquire pairs with its release of tail).
            long tail = Volatile.Read(ref _indexes.Tail);
            _indexes.CachedTail = tail;
            if (head == tail)
            {
                item = default!;
                return false;
            }
        }

        ref T slot = ref Slot(head);
        item = slot;
        if (RuntimeHelpers.IsReferenceOrContainsReferences<T>())
        {
            slot = default!;
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
        long free = _capacity - (tail - _indexes.CachedHead);
        if (free < items.Length)
        {
            _indexes.CachedHead = Volatile.Read(ref _indexes.Head);
            free = _capacity - (tail - _indexes.CachedHead);
        }

        int count = (int)Math.Min(free, items.Length);
        if (count == 0)
        {
            return 0;
        }

        // The batch may wrap: copy it as (up to) two contiguous runs.
        int start = (int)(tail & _mask);
        int firstRun = Math.Min(count, Capacity - start);
        items[..firstRun].CopyTo(_slots.AsSpan(SlotPadding + start, firstRun));
        items[firstRun..count].CopyTo(_slots.AsSpan(SlotPadding, count - firstRun));
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
        int firstRun = Math.Min(count, Capacity - start);
        Span<T> first = _slots.AsSpan(SlotPadding + start, firstRun);
        Span<T> second = _slots.AsSpan(SlotPadding, count - firstRun);
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

    /// <summary>
    /// The slot of the 64-bit <paramref name="index"/>. <c>SlotPadding + (index &amp; _mask)</c> is always inside
    /// the array (the constructor sized it so), which is why the bounds check can be left out.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ref T Slot(long index)
    {
        Debug.Assert(SlotPadding + (index & _mask) < _slots.Length, "a masked index is inside the padded array");
        return ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_slots), (nint)(SlotPadding + (index & _mask)));
    }
}
