using System.Threading.Channels;
using ActorConcurrency.SharedState.Rings;

namespace ActorConcurrency.Demonstrations.Rings;

/// <summary>
/// Task 14's producer and consumer loops: the producer sends 0..N−1, the consumer checks each item is the one after the
/// last (<see cref="Tally"/>). A full ring makes the producer spin, an empty one the consumer.
/// </summary>
internal static class SpscLoops
{
    /// <summary>Items per batch in the batched form.</summary>
    public const int Batch = 256;

    public static Action<int> RingProducer(ISpscQueue<long> ring) => items =>
    {
        var spin = default(SpinWait);
        for (long i = 0; i < items; i++)
        {
            while (!ring.TryEnqueue(i))
            {
                spin.SpinOnce(sleep1Threshold: -1); // full: the consumer is behind
            }

            spin.Reset(); // a SpinWait left past ten spins yields on every later wait: a system call per poll
        }
    };

    public static Func<int, Tally> RingConsumer(ISpscQueue<long> ring) => items =>
    {
        var tally = default(Tally);
        var spin = default(SpinWait);
        while (tally.Received < items)
        {
            if (ring.TryDequeue(out long item))
            {
                tally.Add(item);
                spin.Reset();
            }
            else
            {
                spin.SpinOnce(sleep1Threshold: -1); // empty: the producer is behind
            }
        }

        return tally;
    };

    public static Action<int> BatchProducer(PaddedSpscRingBuffer<long> ring) => items =>
    {
        var batch = new long[Batch];
        var spin = default(SpinWait);
        long next = 0;
        while (next < items)
        {
            int size = (int)Math.Min(Batch, items - next);
            for (int i = 0; i < size; i++)
            {
                batch[i] = next + i;
            }

            int sent = 0;
            while (sent < size)
            {
                int n = ring.TryEnqueueMany(batch.AsSpan(sent, size - sent));
                if (n == 0)
                {
                    spin.SpinOnce(sleep1Threshold: -1);
                }
                else
                {
                    spin.Reset();
                }

                sent += n;
            }

            next += size;
        }
    };

    public static Func<int, Tally> BatchConsumer(PaddedSpscRingBuffer<long> ring) => items =>
    {
        var tally = default(Tally);
        var batch = new long[Batch];
        var spin = default(SpinWait);
        while (tally.Received < items)
        {
            int n = ring.TryDequeueMany(batch);
            if (n == 0)
            {
                spin.SpinOnce(sleep1Threshold: -1);
            }
            else
            {
                spin.Reset();
            }

            for (int i = 0; i < n; i++)
            {
                tally.Add(batch[i]);
            }
        }

        return tally;
    };

    public static Action<int> ChannelProducer(ChannelWriter<long> writer) => items =>
    {
        for (long i = 0; i < items; i++)
        {
            if (!writer.TryWrite(i))
            {
                writer.WriteAsync(i).AsTask().GetAwaiter().GetResult(); // full: wait for room
            }
        }

        writer.Complete();
    };

    public static Func<int, Tally> ChannelConsumer(ChannelReader<long> reader) => items =>
    {
        var tally = default(Tally);
        while (tally.Received < items)
        {
            if (reader.TryRead(out long item))
            {
                tally.Add(item);
            }
            else if (!reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
            {
                break; // completed early: the record shows the shortfall
            }
        }

        return tally;
    };

    /// <summary>The consumer's running check: count, sum, and items that were not one more than the previous.</summary>
    public struct Tally
    {
        private long _expected;

        public long Received { get; private set; }

        public long Sum { get; private set; }

        public long OutOfOrder { get; private set; }

        public void Add(long item)
        {
            if (item != _expected)
            {
                OutOfOrder++;
            }

            _expected = item + 1;
            Sum += item;
            Received++;
        }
    }
}
