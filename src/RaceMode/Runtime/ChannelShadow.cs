using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace ActorConcurrency.RaceMode.Runtime;

/// <summary>
/// The happens-before state of one channel, by Go's channel rules: each item's write happens before the read that
/// returns it (a queue of write clocks beside the channel's own queue, in the same order, because every transfer
/// through a rewritten caller is a non-blocking <c>TryWrite</c>/<c>TryRead</c> done under <see cref="_gate"/>); on a
/// bounded channel of capacity C that waits when full, the k-th read happens before the completion of the
/// (k+C)-th write; <c>Complete</c> happens before every read that observes it. A channel whose items can be dropped
/// or reordered (a full mode other than <c>Wait</c>, a prioritized channel) or that race mode did not see created is
/// not exact: every write releases the channel and every read acquires it, which can only add order.
/// </summary>
internal sealed class ChannelShadow
{
    private static readonly ConditionalWeakTable<object, ChannelShadow> s_shadows = new();

    private readonly Lock _gate = new();
    private readonly Queue<object> _writes = new();
    private readonly Dictionary<long, object> _reads = [];
    private long _written;
    private long _read;

    private ChannelShadow(bool exact, int? capacity)
    {
        Exact = exact;
        Capacity = capacity;
    }

    /// <summary>False when items may be dropped or reordered: the whole channel is one clock.</summary>
    public bool Exact { get; }

    /// <summary>The bound of a channel that waits when full, or null.</summary>
    public int? Capacity { get; }

    /// <summary>What <c>Complete</c> released; a read that observes completion acquires it.</summary>
    public object Closed { get; } = new();

    /// <summary>The clock every write releases into and every read acquires, when the channel is not exact.</summary>
    public object Whole { get; } = new();

    /// <summary>Registers a channel race mode saw created, under both its ends.</summary>
    public static void Register(object channel, object reader, object writer, bool exact, int? capacity)
    {
        var shadow = new ChannelShadow(exact, capacity);
        s_shadows.AddOrUpdate(channel, shadow);
        s_shadows.AddOrUpdate(reader, shadow);
        s_shadows.AddOrUpdate(writer, shadow);
    }

    /// <summary>The shadow of the channel <paramref name="end"/> belongs to (a non-exact one for a channel made elsewhere).</summary>
    public static ChannelShadow Of(object end)
    {
        if (s_shadows.TryGetValue(end, out ChannelShadow? shadow))
        {
            return shadow;
        }

        object channel = RaceSession.Active is { } session ? session.Canonical(end) : end;
        return s_shadows.GetValue(channel, static _ => new ChannelShadow(exact: false, capacity: null));
    }

    /// <summary>
    /// Tries one write; <paramref name="written"/> is the writer's clock as of its call. On success returns true and,
    /// on a bounded channel, the read whose completion this write must acquire (or null).
    /// </summary>
    public bool TryWrite<T>(Func<T, bool> tryWrite, T item, object written, out object? mustAcquire)
    {
        mustAcquire = null;
        lock (_gate)
        {
            if (!tryWrite(item))
            {
                return false;
            }

            if (Exact)
            {
                _writes.Enqueue(written);
                long number = ++_written;
                if (Capacity is { } capacity && number > capacity && _reads.Remove(number - capacity, out object? read))
                {
                    mustAcquire = read;
                }
            }

            return true;
        }
    }

    /// <summary>
    /// Tries one read; <paramref name="reader"/> is the reader's clock as of its call (what the read releases for the
    /// capacity rule). On success returns the write this read must acquire.
    /// </summary>
    public bool TryRead<T>(TryReadFunc<T> tryRead, object reader, [MaybeNullWhen(false)] out T item, out object? mustAcquire)
    {
        lock (_gate)
        {
            if (!tryRead(out item))
            {
                mustAcquire = null;
                return false;
            }

            if (!Exact)
            {
                mustAcquire = Whole;
                return true;
            }

            // Every item in the channel went in through TryWrite above, in this order.
            mustAcquire = _writes.Count > 0 ? _writes.Dequeue() : Whole;
            long number = ++_read;
            if (Capacity is not null)
            {
                _reads[number] = reader;
            }

            return true;
        }
    }

    /// <summary>A key no clock is ever released into: a task linked to it is known to order nothing.</summary>
    public static object NoEdge { get; } = new();

    /// <summary>Tries one peek; on success returns the write clock of the item it saw (the head of the queue).</summary>
    public bool TryPeek<T>(TryReadFunc<T> tryPeek, [MaybeNullWhen(false)] out T item, out object? head)
    {
        lock (_gate)
        {
            if (!tryPeek(out item))
            {
                head = null;
                return false;
            }

            head = !Exact ? Whole : _writes.TryPeek(out object? first) ? first : Whole;
            return true;
        }
    }

    /// <summary>A non-blocking read, as <c>ChannelReader&lt;T&gt;.TryRead</c>.</summary>
    public delegate bool TryReadFunc<T>([MaybeNullWhen(false)] out T item);
}
