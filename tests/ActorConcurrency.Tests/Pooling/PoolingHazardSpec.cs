using System.Buffers;
using ActorConcurrency.SharedState.Pooling;

namespace ActorConcurrency.Tests.Pooling;

/// <summary>
/// Task 12, the hazard of every pool: a buffer used after it was returned is the next renter's buffer, so
/// the stale write lands in the next renter's data. Forced step by step on one thread, no timing involved.
/// </summary>
public sealed class PoolingHazardSpec
{
    [Fact]
    public void A_write_after_return_is_seen_by_the_next_renter_of_a_dedicated_pool()
    {
        var pool = new DedicatedBufferPool(bufferSize: 4096, capacity: 1);
        byte[] stale = pool.Rent(4096);
        pool.Return(stale);

        byte[] next = pool.Rent(4096);
        next.AsSpan(0, 4).Fill((byte)'B'); // the next renter's data
        stale[0] = (byte)'X';              // the previous renter, still holding its reference

        Assert.Same(stale, next);
        Assert.Equal("XBBB", System.Text.Encoding.ASCII.GetString(next, 0, 4));
    }

    [Fact]
    public void A_write_after_return_is_seen_by_the_next_renter_of_ArrayPool_Shared()
    {
        // The shared pool keeps the last returned array of each size in a per-thread slot, so the next rent on
        // the same thread is handed that very array.
        byte[] stale = ArrayPool<byte>.Shared.Rent(4096);
        ArrayPool<byte>.Shared.Return(stale);
        byte[] next = ArrayPool<byte>.Shared.Rent(4096);
        try
        {
            next[0] = (byte)'B';
            stale[0] = (byte)'X';

            Assert.Same(stale, next);
            Assert.Equal((byte)'X', next[0]);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(next);
        }
    }

    [Fact]
    public void Returning_with_clear_does_not_protect_from_a_write_after_return()
    {
        var pool = new DedicatedBufferPool(bufferSize: 16, capacity: 1);
        byte[] stale = pool.Rent(16);
        stale[0] = 1;
        pool.Return(stale, clearArray: true); // clears what was there...
        byte[] next = pool.Rent(16);
        Assert.Equal(0, next[0]);

        stale[0] = 42; // ...but nothing stops the old owner from writing afterwards
        Assert.Equal(42, next[0]);
    }
}
