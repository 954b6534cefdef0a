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
    /// only once the increment is in the journal, or with <see cref="Rejected"/>.
    /// </summary>
    public sealed record Add(string Key, long Amount) : IKeyed;

    /// <summary>The acknowledgement of an <see cref="Add"/>: persisted, and the count it produced.</summary>
    public sealed record Added(string Key, long Amount, long Count);

    /// <summary>Asks for a counter's value; answered with <see cref="Count"/>.</summary>
    public sealed record GetCount(string Key) : IKeyed;

    /// <summary>A counter's value: every acknowledged <see cref="Add"/> and nothing unpersisted.</summary>
    public sealed record Count(string Key, long Value);

    /// <summary>A typed refusal of bad input (for example a non-positive amount); nothing was counted.</summary>
    public sealed record Rejected(string Key, string Reason);

    /// <summary>The event a counter persists for an accepted <see cref="Add"/>.</summary>
    public sealed record Incremented(long Amount);
}
