using System.Threading.Channels;

namespace ActorConcurrency.SharedState.Rings;

/// <summary>
/// Task 14's producer and consumer loops, written once for the benchmarks (<c>SpscBenchmarks</c>, <c>spsc-paired</c>)
/// and the demonstration: the producer sends 0..N−1, the consumer hands every item to a sink. A side that finds its
/// ring full or empty waits by <see cref="SpscBackoff"/>. The ring loops are generic over a struct view of the ring
/// (<see cref="SimpleRing"/>, <see cref="PaddedRing"/>) and a struct sink, so the JIT compiles one copy per
/// combination with the ring's and the sink's methods inlined, the way BitFaster.Caching's <c>ConcurrentLruCore</c>
/// takes struct policies; a loop over <see cref="ISpscQueue{T}"/> or a class type argument would share one copy and
/// call through the interface.
/// </summary>
public static class SpscTransfer
{
    /// <summary>Sends 0..<paramref name="items"/>−1 into <paramref name="ring"/>, one at a time.</summary>
    public static void Produce<TRing>(TRing ring, long items)
        where TRing : struct, ISpscQueue<long>
    {
        var backoff = default(SpscBackoff);
        for (long i = 0; i < items; i++)
        {
            while (!ring.TryEnqueue(i))
            {
                backoff.Wait(); // full: the consumer is behind
            }

            backoff.Reset();
        }
    }

    /// <summary>Takes <paramref name="items"/> items from <paramref name="ring"/>, one at a time, into <paramref name="sink"/>.</summary>
    public static TSink Consume<TRing, TSink>(TRing ring, long items, TSink sink)
        where TRing : struct, ISpscQueue<long>
        where TSink : struct, ISpscSink
    {
        var backoff = default(SpscBackoff);
        for (long received = 0; received < items;)
        {
            if (ring.TryDequeue(out long item))
            {
                sink.Add(item);
                received++;
                backoff.Reset();
            }
            else
            {
                backoff.Wait(); // empty: the producer is behind
            }
        }

        return sink;
    }

    /// <summary>Sends 0..<paramref name="items"/>−1 in batches of <paramref name="batch"/>'s length: one release store per batch.</summary>
    public static void ProduceBatched(PaddedSpscRingBuffer<long> ring, long items, Span<long> batch)
    {
        ArgumentNullException.ThrowIfNull(ring);
        var backoff = default(SpscBackoff);
        for (long next = 0; next < items;)
        {
            int size = (int)Math.Min(batch.Length, items - next);
            for (int i = 0; i < size; i++)
            {
                batch[i] = next + i;
            }

            for (int sent = 0; sent < size;)
            {
                int n = ring.TryEnqueueMany(batch[sent..size]);
                if (n == 0)
                {
                    backoff.Wait();
                }
                else
                {
                    backoff.Reset();
                }

                sent += n;
            }

            next += size;
        }
    }

    /// <summary>Takes <paramref name="items"/> items in batches of up to <paramref name="batch"/>'s length into <paramref name="sink"/>.</summary>
    public static TSink ConsumeBatched<TSink>(PaddedSpscRingBuffer<long> ring, long items, Span<long> batch, TSink sink)
        where TSink : struct, ISpscSink
    {
        ArgumentNullException.ThrowIfNull(ring);
        var backoff = default(SpscBackoff);
        for (long received = 0; received < items;)
        {
            int n = ring.TryDequeueMany(batch);
            if (n == 0)
            {
                backoff.Wait();
                continue;
            }

            backoff.Reset();
            for (int i = 0; i < n; i++)
            {
                sink.Add(batch[i]);
            }

            received += n;
        }

        return sink;
    }

    /// <summary>Writes 0..<paramref name="items"/>−1, waiting asynchronously (and blocking on it) only when the channel is full.</summary>
    public static void Produce(ChannelWriter<long> writer, long items)
    {
        ArgumentNullException.ThrowIfNull(writer);
        for (long i = 0; i < items; i++)
        {
            if (!writer.TryWrite(i))
            {
                writer.WriteAsync(i).AsTask().GetAwaiter().GetResult(); // full: wait for room
            }
        }
    }

    /// <summary>
    /// Reads up to <paramref name="items"/> items into <paramref name="sink"/>, waiting only when the channel is empty;
    /// returns early if the channel completes first (the sink shows the shortfall).
    /// </summary>
    public static TSink Consume<TSink>(ChannelReader<long> reader, long items, TSink sink)
        where TSink : struct, ISpscSink
    {
        ArgumentNullException.ThrowIfNull(reader);
        for (long received = 0; received < items;)
        {
            if (reader.TryRead(out long item))
            {
                sink.Add(item);
                received++;
            }
            else if (!reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
            {
                break; // completed early
            }
        }

        return sink;
    }

    /// <summary>The simple ring as <see cref="Produce{TRing}"/> and <see cref="Consume{TRing, TSink}"/> take it.</summary>
    public readonly struct SimpleRing(SpscRingBuffer<long> ring) : ISpscQueue<long>
    {
        public int Capacity => ring.Capacity;

        public bool TryEnqueue(long item) => ring.TryEnqueue(item);

        public bool TryDequeue(out long item) => ring.TryDequeue(out item);
    }

    /// <summary>The padded ring as <see cref="Produce{TRing}"/> and <see cref="Consume{TRing, TSink}"/> take it.</summary>
    public readonly struct PaddedRing(PaddedSpscRingBuffer<long> ring) : ISpscQueue<long>
    {
        public int Capacity => ring.Capacity;

        public bool TryEnqueue(long item) => ring.TryEnqueue(item);

        public bool TryDequeue(out long item) => ring.TryDequeue(out item);
    }
}
