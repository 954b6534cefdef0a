using ActorConcurrency.SharedState.Pooling;
using ActorConcurrency.Tests.Support;

namespace ActorConcurrency.Tests.Pooling;

/// <summary>Task 12: the dedicated pool reuses, stays bounded, refuses foreign buffers and never hands one buffer to two renters.</summary>
public sealed class DedicatedBufferPoolSpec
{
    [Fact]
    public void Reuses_returned_buffers_and_allocates_when_empty()
    {
        var pool = new DedicatedBufferPool(bufferSize: 64, capacity: 2);
        byte[] a = pool.Rent(64);
        byte[] b = pool.Rent(10);
        Assert.NotSame(a, b);
        Assert.Equal(64, b.Length);

        pool.Return(a);
        pool.Return(b);
        var again = new[] { pool.Rent(64), pool.Rent(64) };
        Assert.Contains(again, x => ReferenceEquals(x, a));
        Assert.Contains(again, x => ReferenceEquals(x, b));
        byte[] fresh = pool.Rent(64); // the pool is empty now: a new buffer
        Assert.DoesNotContain(again, x => ReferenceEquals(x, fresh));
    }

    [Fact]
    public void Keeps_at_most_its_capacity_and_drops_the_rest()
    {
        var pool = new DedicatedBufferPool(bufferSize: 8, capacity: 1);
        byte[] kept = new byte[8];
        byte[] dropped = new byte[8];
        pool.Return(kept);
        pool.Return(dropped);

        Assert.Same(kept, pool.Rent(8));
        Assert.NotSame(dropped, pool.Rent(8));
    }

    [Fact]
    public void Refuses_bad_sizes_with_the_parameter_name()
    {
        var pool = new DedicatedBufferPool(bufferSize: 8, capacity: 1);
        Assert.Equal("array", Assert.Throws<ArgumentException>(() => pool.Return(new byte[9])).ParamName);
        Assert.Equal("minimumLength", Assert.Throws<ArgumentOutOfRangeException>(() => pool.Rent(9)).ParamName);
        Assert.Equal("bufferSize", Assert.Throws<ArgumentOutOfRangeException>(() => new DedicatedBufferPool(0)).ParamName);
        Assert.Equal("capacity", Assert.Throws<ArgumentOutOfRangeException>(() => new DedicatedBufferPool(8, 0)).ParamName);
    }

    [Fact]
    public void Concurrent_renters_never_hold_the_same_buffer_at_once()
    {
        // Each renter stamps the buffer with its id, checks the stamp survived its own work, then returns it. If
        // the pool handed one buffer to two renters, one would see the other's stamp.
        var pool = new DedicatedBufferPool(bufferSize: 16, capacity: 4);
        const int Threads = 4;
        int rounds = 2000 * Math.Max(1, StressConfig.Repetitions / 50);
        int collisions = 0;
        using var start = new Barrier(Threads);
        var threads = Enumerable.Range(1, Threads).Select(id => new Thread(() =>
        {
            start.SignalAndWait();
            for (int r = 0; r < rounds; r++)
            {
                byte[] buffer = pool.Rent(16);
                buffer.AsSpan().Fill((byte)id);
                Thread.SpinWait(20);
                if (buffer.AsSpan().IndexOfAnyExcept((byte)id) >= 0)
                {
                    Interlocked.Increment(ref collisions);
                }

                pool.Return(buffer);
            }
        })).ToArray();
        foreach (Thread t in threads)
        {
            t.Start();
        }

        foreach (Thread t in threads)
        {
            t.Join();
        }

        Assert.Equal(0, collisions);
    }
}
