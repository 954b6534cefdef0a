using System.Diagnostics;

namespace ActorConcurrency.Actors.ShardedCounters;

/// <summary>
/// A counter's memory of the batches it has counted, so a retried batch is acknowledged without being counted
/// twice. It is rebuilt on recovery from the ids carried by the persisted events, so it survives moves, crashes
/// and restarts exactly as the count does. Owned by one entity: no locking.
/// <para>
/// Bounded memory. Per client, only the numbers at or above the client's oldest unacknowledged batch are kept:
/// a client never resends a number below that mark (it was acknowledged) and never sends more than
/// <see cref="MaxWindow"/> numbers past it, so each client holds at most <see cref="MaxWindow"/> numbers. At
/// most <see cref="MaxClients"/> clients are remembered; when a new one arrives the one whose last batch is
/// oldest (by the counter's own event order) is forgotten. A forgotten client that still retries an old batch
/// would have it counted again: that needs <see cref="MaxClients"/> other clients to write to the same counter
/// while it waits, which the bound is chosen to make implausible. Memory: about 16 bytes per remembered number.
/// </para>
/// </summary>
internal sealed class AppliedBatches
{
    /// <summary>The widest client window a counter accepts (numbers in flight past the oldest unacknowledged).</summary>
    public const int MaxWindow = 1024;

    /// <summary>Clients remembered per counter.</summary>
    public const int MaxClients = 256;

    private readonly Dictionary<string, ClientBatches> _clients = new(StringComparer.Ordinal);

    /// <summary>What a snapshot keeps of this memory, to be restored exactly by <see cref="Restore"/>.</summary>
    public ShardedCounterProtocol.BatchMemory ToSnapshot() => new(
        _events,
        _clients.Select(c => new ShardedCounterProtocol.ClientMemory(c.Key, c.Value.AcknowledgedBelow, c.Value.LastEvent, c.Value.Counted.Order().ToArray())).ToArray());

    /// <summary>Replaces this memory with a snapshot's (the state the events up to that snapshot built).</summary>
    public void Restore(ShardedCounterProtocol.BatchMemory memory)
    {
        _clients.Clear();
        _events = memory.Events;
        foreach (ShardedCounterProtocol.ClientMemory client in memory.Clients)
        {
            _clients[client.Client] = new ClientBatches(client.AcknowledgedBelow, client.LastEvent, client.Counted);
        }
    }

    /// <summary>Events applied so far: the clock that decides which client is the oldest to forget.</summary>
    private long _events;

    /// <summary>Clients currently remembered.</summary>
    public int ClientCount => _clients.Count;

    /// <summary>True when <paramref name="id"/> was counted already (or is below the client's acknowledged mark).</summary>
    public bool Contains(ShardedCounterProtocol.BatchId id) =>
        _clients.TryGetValue(id.Client, out ClientBatches? client) && client.Contains(id.Sequence);

    /// <summary>Null when <paramref name="id"/> may be counted, else why the counter refuses it.</summary>
    public static string? Refusal(ShardedCounterProtocol.BatchId id)
    {
        if (string.IsNullOrEmpty(id.Client))
        {
            return "a batch id needs a client";
        }

        if (id.Sequence < id.OldestUnacknowledged || id.OldestUnacknowledged < 0)
        {
            return $"batch {id.Sequence} is below the client's own oldest unacknowledged batch {id.OldestUnacknowledged}";
        }

        return id.Sequence - id.OldestUnacknowledged >= MaxWindow
            ? $"batch {id.Sequence} is {id.Sequence - id.OldestUnacknowledged} past the oldest unacknowledged one; the window is at most {MaxWindow}"
            : null;
    }

    /// <summary>Records a persisted (or replayed) batch.</summary>
    public void Record(string client, long sequence, long oldestUnacknowledged)
    {
        _events++;
        if (!_clients.TryGetValue(client, out ClientBatches? batches))
        {
            if (_clients.Count >= MaxClients)
            {
                ForgetOldestClient();
            }

            batches = new ClientBatches();
            _clients.Add(client, batches);
        }

        batches.Record(sequence, oldestUnacknowledged, _events);
    }

    private void ForgetOldestClient()
    {
        string? oldest = null;
        long oldestEvent = long.MaxValue;
        foreach ((string client, ClientBatches batches) in _clients)
        {
            if (batches.LastEvent < oldestEvent)
            {
                (oldest, oldestEvent) = (client, batches.LastEvent);
            }
        }

        _clients.Remove(oldest!);
    }

    /// <summary>One client's counted numbers at or above its acknowledged mark.</summary>
    private sealed class ClientBatches
    {
        private readonly HashSet<long> _counted;

        /// <summary>Every number below it was acknowledged to the client, which will never send it again.</summary>
        private long _acknowledgedBelow;

        public ClientBatches(long acknowledgedBelow = 0, long lastEvent = 0, IEnumerable<long>? counted = null)
        {
            (_acknowledgedBelow, LastEvent) = (acknowledgedBelow, lastEvent);
            _counted = counted is null ? [] : [.. counted];
        }

        public long LastEvent { get; private set; }

        public long AcknowledgedBelow => _acknowledgedBelow;

        public IEnumerable<long> Counted => _counted;

        public bool Contains(long sequence) => sequence < _acknowledgedBelow || _counted.Contains(sequence);

        public void Record(long sequence, long oldestUnacknowledged, long eventNumber)
        {
            LastEvent = eventNumber;
            _counted.Add(sequence);
            if (oldestUnacknowledged > _acknowledgedBelow)
            {
                _acknowledgedBelow = oldestUnacknowledged;
                _counted.RemoveWhere(s => s < _acknowledgedBelow);
            }

            Debug.Assert(_counted.Count <= MaxWindow, "a client's window bounds what is remembered of it");
        }
    }
}
