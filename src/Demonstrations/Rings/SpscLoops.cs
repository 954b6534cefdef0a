using System.Threading.Channels;
using ActorConcurrency.SharedState.Rings;

namespace ActorConcurrency.Demonstrations.Rings;

/// <summary>
/// Task 14's sides as the experiment runs them: <see cref="SpscTransfer"/>'s loops (the benchmarks' own, with the same
/// wait policy) bound to a ring or channel, the consumer's sink a <see cref="Tally"/> that checks each item is the one
/// after the last.
/// </summary>
internal static class SpscLoops
{
    /// <summary>Items per batch in the batched form.</summary>
    public const int Batch = 256;

    public static Action<int> RingProducer(SpscRingBuffer<long> ring) => items => SpscTransfer.Produce(new SpscTransfer.SimpleRing(ring), items);

    public static Func<int, Tally> RingConsumer(SpscRingBuffer<long> ring) => items => SpscTransfer.Consume(new SpscTransfer.SimpleRing(ring), items, default(Tally));

    public static Action<int> RingProducer(PaddedSpscRingBuffer<long> ring) => items => SpscTransfer.Produce(new SpscTransfer.PaddedRing(ring), items);

    public static Func<int, Tally> RingConsumer(PaddedSpscRingBuffer<long> ring) => items => SpscTransfer.Consume(new SpscTransfer.PaddedRing(ring), items, default(Tally));

    public static Action<int> BatchProducer(PaddedSpscRingBuffer<long> ring) => items => SpscTransfer.ProduceBatched(ring, items, new long[Batch]);

    public static Func<int, Tally> BatchConsumer(PaddedSpscRingBuffer<long> ring) => items => SpscTransfer.ConsumeBatched(ring, items, new long[Batch], default(Tally));

    public static Action<int> ChannelProducer(ChannelWriter<long> writer) => items =>
    {
        SpscTransfer.Produce(writer, items);
        writer.Complete();
    };

    public static Func<int, Tally> ChannelConsumer(ChannelReader<long> reader) => items => SpscTransfer.Consume(reader, items, default(Tally));

    /// <summary>The consumer's running check: count, sum, and items that were not one more than the previous.</summary>
    public struct Tally : ISpscSink
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
