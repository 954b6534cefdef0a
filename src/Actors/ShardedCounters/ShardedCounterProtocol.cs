namespace ActorConcurrency.Actors.ShardedCounters;

/// <summary>
/// The messages of <see cref="CounterEntity"/>, routed by <see cref="CounterMessageExtractor"/> on their key.
/// They cross the network between nodes, so each is a record with data (no singletons).
/// </summary>
public static class ShardedCounterProtocol
{
    /// <summary>Something addressed to the counter named <see cref="Key"/>.</summary>
    public interface IKeyed
    {
        /// <summary>The counter's name; the sharding entity id.</summary>
        string Key { get; }
    }

    /// <summary>
    /// Adds <paramref name="Amount"/> (a batch of increments) to a counter. Answered with <see cref="Added"/>
    /// only once the increment is in the journal, or with <see cref="Rejected"/>. With a <paramref name="Batch"/>
    /// id the add is idempotent: a retry of a batch the counter already persisted is acknowledged again
    /// (<see cref="Added.Duplicate"/>) and not counted twice. Without one it is counted each time it arrives.
    /// </summary>
    public sealed record Add(string Key, long Amount, BatchId? Batch = null) : IKeyed;

    /// <summary>
    /// The idempotency id of a batch: the sending client, the batch's number in that client's sequence, and the
    /// oldest number the client has not had acknowledged yet when it sent this one. The client never sends
    /// <paramref name="Sequence"/> numbers more than its window ahead of <paramref name="OldestUnacknowledged"/>
    /// and never resends a number below it, which is what lets a counter forget every number below it.
    /// </summary>
    public sealed record BatchId(string Client, long Sequence, long OldestUnacknowledged);

    /// <summary>
    /// The acknowledgement of an <see cref="Add"/>: persisted, and the count after it. <paramref name="Duplicate"/>:
    /// the batch had been persisted before (a retry whose first attempt's acknowledgement was lost), so this
    /// reply counted nothing new.
    /// </summary>
    public sealed record Added(string Key, long Amount, long Count, bool Duplicate = false);

    /// <summary>Asks for a counter's value; answered with <see cref="Count"/>.</summary>
    public sealed record GetCount(string Key) : IKeyed;

    /// <summary>A counter's value: every acknowledged <see cref="Add"/> and nothing unpersisted.</summary>
    public sealed record Count(string Key, long Value);

    /// <summary>A typed refusal of bad input (for example a non-positive amount); nothing was counted.</summary>
    public sealed record Rejected(string Key, string Reason);

    /// <summary>
    /// What the shard sends an entity to stop it when its shard is handed off to another node. Unlike a
    /// <c>PoisonPill</c> (handled before the actor's code sees it), it is an ordinary command: it waits,
    /// stashed, behind a <c>Persist</c> in flight and behind the commands stashed with it, so every
    /// <see cref="Add"/> that reached the entity is persisted and acknowledged before it stops.
    /// Sent only locally, by the shard, so it can be a singleton.
    /// </summary>
    public sealed record HandOffStop
    {
        /// <summary>The only instance.</summary>
        public static readonly HandOffStop Instance = new();

        private HandOffStop()
        {
        }
    }

    /// <summary>
    /// A counter's snapshot, saved every <see cref="CounterEntity.SnapshotEvery"/> events so a recovery replays at
    /// most that many events after it: the count and the batch ids it must still recognise.
    /// </summary>
    public sealed record CounterSnapshot(long Count, BatchMemory Batches);

    /// <summary>The batch-id memory of a counter (<see cref="AppliedBatches"/>) in a snapshot.</summary>
    public sealed record BatchMemory(long Events, ClientMemory[] Clients);

    /// <summary>One client's part of <see cref="BatchMemory"/>.</summary>
    public sealed record ClientMemory(string Client, long AcknowledgedBelow, long LastEvent, long[] Counted);

    /// <summary>
    /// The event a counter persists for an accepted <see cref="Add"/>, with the batch's idempotency id when it
    /// had one (so a counter that recovers from its journal remembers which batches it already counted).
    /// Journals written before ids existed hold only the amount; they replay with no id.
    /// </summary>
    public sealed record Incremented(long Amount, string? Client = null, long Sequence = 0, long OldestUnacknowledged = 0);
}
