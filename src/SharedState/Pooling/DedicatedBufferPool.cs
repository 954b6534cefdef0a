using System.Buffers;
using System.Diagnostics;

namespace ActorConcurrency.SharedState.Pooling;

/// <summary>
/// Task 12 (Go's <c>sync.Pool</c>), dedicated form: a pool of buffers of one size, owned by one component
/// instead of shared by the whole process like <see cref="ArrayPool{T}.Shared"/>. It keeps at most
/// <see cref="Capacity"/> idle buffers in an array of slots; <see cref="Rent"/> and <see cref="Return"/>
/// claim a slot with one compare-and-swap each (the design of Roslyn's <c>ObjectPool</c>). When every
/// slot is empty a rent allocates, and when every slot is full a return drops the buffer for the GC, so
/// the pool never blocks and never grows.
/// <para>
/// The hazard of every pool: a returned buffer is handed to the next renter as is. Whoever keeps using a
/// buffer after returning it writes into someone else's data (see <c>PoolingHazardSpec</c>).
/// </para>
/// </summary>
public sealed class DedicatedBufferPool : ArrayPool<byte>
{
    /// <summary>Slots of idle buffers; null = empty. Each slot is claimed or filled with one CAS.</summary>
    private readonly byte[]?[] _slots;

    /// <summary>Creates a pool of buffers of <paramref name="bufferSize"/> bytes keeping at most <paramref name="capacity"/> idle.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A size or capacity below 1.</exception>
    public DedicatedBufferPool(int bufferSize = 4096, int capacity = 64)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bufferSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        BufferSize = bufferSize;
        _slots = new byte[]?[capacity];
    }

    /// <summary>The length of every buffer this pool hands out.</summary>
    public int BufferSize { get; }

    /// <summary>The most idle buffers kept.</summary>
    public int Capacity => _slots.Length;

    /// <summary>Rents a buffer of exactly <see cref="BufferSize"/> bytes; its content is whatever the last renter left.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="minimumLength"/> is negative or above <see cref="BufferSize"/>.</exception>
    public override byte[] Rent(int minimumLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(minimumLength);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minimumLength, BufferSize);
        byte[]?[] slots = _slots;
        for (int i = 0; i < slots.Length; i++)
        {
            byte[]? candidate = Volatile.Read(ref slots[i]);

            // Another renter may take the same buffer between our read and our CAS: the CAS fails and we
            // move on, so a buffer is handed to exactly one renter.
            if (candidate is not null && Interlocked.CompareExchange(ref slots[i], null, candidate) == candidate)
            {
                Debug.Assert(candidate.Length == BufferSize);
                return candidate;
            }
        }

        return new byte[BufferSize];
    }

    /// <summary>Gives a buffer back; the caller must not touch it afterwards.</summary>
    /// <exception cref="ArgumentException">The buffer is not of <see cref="BufferSize"/> bytes, so it did not come from this pool.</exception>
    public override void Return(byte[] array, bool clearArray = false)
    {
        ArgumentNullException.ThrowIfNull(array);
        if (array.Length != BufferSize)
        {
            throw new ArgumentException($"The buffer has {array.Length} bytes; this pool only holds buffers of {BufferSize}.", nameof(array));
        }

        if (clearArray)
        {
            Array.Clear(array);
        }

        byte[]?[] slots = _slots;
        for (int i = 0; i < slots.Length; i++)
        {
            // Two returners may race for one empty slot: the loser's CAS fails and it tries the next one.
            if (Volatile.Read(ref slots[i]) is null && Interlocked.CompareExchange(ref slots[i], array, null) is null)
            {
                return;
            }
        }

        // Every slot is full: let the GC have it rather than grow.
    }
}
