using System.Collections.Concurrent;
using ActorConcurrency.SharedState.Rings;

namespace ActorConcurrency.PropertyChecks;

/// <summary>
/// An SPSC ring under a linearizability property. CsCheck may run two producer operations at once, which
/// the SPSC contract forbids, so producer operations take a producer lock and consumer operations a
/// consumer lock: at most one producer and one consumer run at a time (ownership passes through the lock,
/// a happens-before edge the contract allows), while a producer and a consumer still run truly in
/// parallel — the race the ring must survive. The model (<see cref="RingModel"/>) is a bounded queue.
/// </summary>
internal sealed class RingSubject : IRingSubject
{
    private readonly ISpscQueue<int> _ring;
    private readonly Lock _producer = new();
    private readonly Lock _consumer = new();
    private readonly ConcurrentQueue<string> _log = new();
    private IReadOnlyList<int>? _remaining;

    public RingSubject(ISpscQueue<int> ring) => _ring = ring;

    public IReadOnlyCollection<string> Log => _log;

    public void TryEnqueue(int item)
    {
        lock (_producer)
        {
            _log.Enqueue($"TryEnqueue({item})={_ring.TryEnqueue(item)}");
        }
    }

    public void TryDequeue()
    {
        lock (_consumer)
        {
            _log.Enqueue(_ring.TryDequeue(out int item) ? $"TryDequeue()={item}" : "TryDequeue()=empty");
        }
    }

    public void TryEnqueueMany(int[] items)
    {
        lock (_producer)
        {
            int count = _ring is PaddedSpscRingBuffer<int> padded ? padded.TryEnqueueMany(items) : EnqueueOneByOne(items);
            _log.Enqueue($"TryEnqueueMany([{string.Join(",", items)}])={count}");
        }
    }

    public void TryDequeueMany(int max)
    {
        lock (_consumer)
        {
            var buffer = new int[max];
            int count = _ring is PaddedSpscRingBuffer<int> padded ? padded.TryDequeueMany(buffer) : DequeueOneByOne(buffer);
            _log.Enqueue($"TryDequeueMany({max})=[{string.Join(",", buffer.Take(count))}]");
        }
    }

    /// <summary>
    /// Drains the ring once and keeps what it held. CsCheck checks candidate orders on several threads at
    /// once, all against this one subject: the check-and-drain is under both locks, so a second caller
    /// waits and reads the first caller's snapshot instead of draining an already empty ring and
    /// overwriting the snapshot with nothing.
    /// </summary>
    public IReadOnlyList<int> Remaining()
    {
        lock (_producer)
        {
            lock (_consumer)
            {
                if (_remaining is null)
                {
                    var items = new List<int>();
                    while (_ring.TryDequeue(out int item))
                    {
                        items.Add(item);
                    }

                    _remaining = items;
                }

                return _remaining;
            }
        }
    }

    public override string ToString() => string.Join(Environment.NewLine, _log) + $"{Environment.NewLine}remaining=[{string.Join(",", Remaining())}]";

    private int EnqueueOneByOne(int[] items)
    {
        int count = 0;
        while (count < items.Length && _ring.TryEnqueue(items[count]))
        {
            count++;
        }

        return count;
    }

    private int DequeueOneByOne(int[] buffer)
    {
        int count = 0;
        while (count < buffer.Length && _ring.TryDequeue(out buffer[count]))
        {
            count++;
        }

        return count;
    }
}
