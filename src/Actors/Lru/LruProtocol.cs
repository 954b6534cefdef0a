using ActorConcurrency.SharedState.Lru;
using Akka.Actor;

namespace ActorConcurrency.Actors.Lru;

/// <summary>
/// The messages of <see cref="LruActor{TKey,TValue}"/>: the operations of <see cref="ILruCache{TKey,TValue}"/>
/// as requests, each answered by exactly one reply to the sender (an acknowledgement for writes too, so a
/// caller knows its write happened), or by <see cref="Rejected"/> for bad input. The eviction callback is a
/// subscription: a subscriber is told <see cref="EntryEvicted{TKey,TValue}"/> for each entry that leaves,
/// after the operation is done and before its requester's reply is sent. GetOrAdd with a factory is
/// <see cref="LruActorAsks"/>: the factory runs at the caller, never inside the actor.
/// </summary>
public static class LruProtocol
{
    /// <summary>Reads a key; a hit becomes the most recently used. Reply: <see cref="GetResult{TKey,TValue}"/>.</summary>
    public sealed record Get<TKey>(TKey Key);

    /// <summary>The answer to <see cref="Get{TKey}"/>; <paramref name="Value"/> is default on a miss.</summary>
    public sealed record GetResult<TKey, TValue>(TKey Key, bool Found, TValue? Value);

    /// <summary>Stores a value as the most recently used, evicting the least recently used on overflow. Reply: <see cref="Stored{TKey}"/>.</summary>
    public sealed record Set<TKey, TValue>(TKey Key, TValue Value);

    /// <summary>The acknowledgement of <see cref="Set{TKey,TValue}"/>; <paramref name="Evicted"/> says whether an entry made room.</summary>
    public sealed record Stored<TKey>(TKey Key, bool Evicted);

    /// <summary>Removes a key. Reply: <see cref="Removed{TKey}"/>.</summary>
    public sealed record Remove<TKey>(TKey Key);

    /// <summary>The answer to <see cref="Remove{TKey}"/>; <paramref name="Existed"/> is false when the key was not cached.</summary>
    public sealed record Removed<TKey>(TKey Key, bool Existed);

    /// <summary>Reads a key without changing its recency. Reply: <see cref="PeekResult{TKey,TValue}"/>.</summary>
    public sealed record Peek<TKey>(TKey Key);

    /// <summary>The answer to <see cref="Peek{TKey}"/>; <paramref name="Value"/> is default on a miss.</summary>
    public sealed record PeekResult<TKey, TValue>(TKey Key, bool Found, TValue? Value);

    /// <summary>Whether a key is cached, without changing its recency. Reply: <see cref="ContainsResult{TKey}"/>.</summary>
    public sealed record Contains<TKey>(TKey Key);

    /// <summary>The answer to <see cref="Contains{TKey}"/>.</summary>
    public sealed record ContainsResult<TKey>(TKey Key, bool Found);

    /// <summary>Replaces the value of a cached key and makes it the most recently used. Reply: <see cref="Updated{TKey}"/>.</summary>
    public sealed record TryUpdate<TKey, TValue>(TKey Key, TValue Value);

    /// <summary>The answer to <see cref="TryUpdate{TKey,TValue}"/>; <paramref name="Existed"/> is false (nothing stored) when the key was absent.</summary>
    public sealed record Updated<TKey>(TKey Key, bool Existed);

    /// <summary>The cached value (a promoting, counted lookup), or else <paramref name="Value"/> stored. Reply: <see cref="GetOrAddResult{TKey,TValue}"/>.</summary>
    public sealed record GetOrAdd<TKey, TValue>(TKey Key, TValue Value);

    /// <summary>
    /// The second step of a GetOrAdd whose lookup already missed (<see cref="LruActorAsks"/>): stores the value
    /// unless the key arrived meanwhile, in which case that entry is promoted and returned. Not counted in the
    /// metrics (the lookup was). Reply: <see cref="GetOrAddResult{TKey,TValue}"/>.
    /// </summary>
    public sealed record AddIfAbsent<TKey, TValue>(TKey Key, TValue Value);

    /// <summary>The answer to <see cref="GetOrAdd{TKey,TValue}"/> and <see cref="AddIfAbsent{TKey,TValue}"/>: the value now cached, and whether it was the one sent.</summary>
    public sealed record GetOrAddResult<TKey, TValue>(TKey Key, TValue Value, bool Added);

    /// <summary>Stores the value only when the key is absent; a present key keeps its recency. Reply: <see cref="ContainsOrAddResult{TKey}"/>.</summary>
    public sealed record ContainsOrAdd<TKey, TValue>(TKey Key, TValue Value);

    /// <summary>The answer to <see cref="ContainsOrAdd{TKey,TValue}"/>.</summary>
    public sealed record ContainsOrAddResult<TKey>(TKey Key, bool Contained, bool Evicted);

    /// <summary>As <see cref="ContainsOrAdd{TKey,TValue}"/>, also returning the value already cached. Reply: <see cref="PeekOrAddResult{TKey,TValue}"/>.</summary>
    public sealed record PeekOrAdd<TKey, TValue>(TKey Key, TValue Value);

    /// <summary>The answer to <see cref="PeekOrAdd{TKey,TValue}"/>; <paramref name="Previous"/> is default when the key was absent.</summary>
    public sealed record PeekOrAddResult<TKey, TValue>(TKey Key, bool Found, TValue? Previous, bool Evicted);

    /// <summary>Asks for the least recently used entry, left in place. Reply: <see cref="OldestIs{TKey,TValue}"/>.</summary>
    public sealed record GetOldest
    {
        /// <summary>The only instance.</summary>
        public static readonly GetOldest Instance = new();

        private GetOldest()
        {
        }
    }

    /// <summary>The answer to <see cref="GetOldest"/>; <paramref name="Found"/> is false when the cache is empty.</summary>
    public sealed record OldestIs<TKey, TValue>(bool Found, TKey? Key, TValue? Value);

    /// <summary>Removes the least recently used entry. Reply: <see cref="RemovedOldest{TKey,TValue}"/>.</summary>
    public sealed record RemoveOldest
    {
        /// <summary>The only instance.</summary>
        public static readonly RemoveOldest Instance = new();

        private RemoveOldest()
        {
        }
    }

    /// <summary>The answer to <see cref="RemoveOldest"/>: the entry removed, if any.</summary>
    public sealed record RemovedOldest<TKey, TValue>(bool Found, TKey? Key, TValue? Value);

    /// <summary>Asks for the keys from the least to the most recently used. Reply: <see cref="KeysAre{TKey}"/>.</summary>
    public sealed record GetKeys
    {
        /// <summary>The only instance.</summary>
        public static readonly GetKeys Instance = new();

        private GetKeys()
        {
        }
    }

    /// <summary>The keys, least recently used first.</summary>
    public sealed record KeysAre<TKey>(IReadOnlyList<TKey> Keys);

    /// <summary>Asks for the values from the least to the most recently used. Reply: <see cref="ValuesAre{TValue}"/>.</summary>
    public sealed record GetValues
    {
        /// <summary>The only instance.</summary>
        public static readonly GetValues Instance = new();

        private GetValues()
        {
        }
    }

    /// <summary>The values, in the order of <see cref="KeysAre{TKey}"/>.</summary>
    public sealed record ValuesAre<TValue>(IReadOnlyList<TValue> Values);

    /// <summary>Changes the capacity, evicting the least recently used above it. Reply: <see cref="Resized"/>; a capacity below 1 is <see cref="Rejected"/>.</summary>
    public sealed record Resize(int Capacity);

    /// <summary>The answer to <see cref="Resize"/>: the new capacity and how many entries it evicted.</summary>
    public sealed record Resized(int Capacity, int Evicted);

    /// <summary>Removes every entry. Reply: <see cref="Cleared"/>.</summary>
    public sealed record Clear
    {
        /// <summary>The only instance.</summary>
        public static readonly Clear Instance = new();

        private Clear()
        {
        }
    }

    /// <summary>The answer to <see cref="Clear"/>: how many entries it removed.</summary>
    public sealed record Cleared(int Removed);

    /// <summary>Asks for the hit, miss and eviction counts. Reply: <see cref="MetricsAre"/>.</summary>
    public sealed record GetMetrics
    {
        /// <summary>The only instance.</summary>
        public static readonly GetMetrics Instance = new();

        private GetMetrics()
        {
        }
    }

    /// <summary>The counts, as of every message processed before the <see cref="GetMetrics"/>.</summary>
    public sealed record MetricsAre(LruMetrics Metrics);

    /// <summary>Subscribes an actor to <see cref="EntryEvicted{TKey,TValue}"/> (watched: it is dropped when it stops). Reply: <see cref="EvictionsSubscribed"/>.</summary>
    public sealed record SubscribeEvictions(IActorRef Subscriber);

    /// <summary>The acknowledgement of <see cref="SubscribeEvictions"/>: every entry that leaves after it is reported.</summary>
    public sealed record EvictionsSubscribed(IActorRef Subscriber);

    /// <summary>Ends a subscription. Reply: <see cref="EvictionsUnsubscribed"/>.</summary>
    public sealed record UnsubscribeEvictions(IActorRef Subscriber);

    /// <summary>The acknowledgement of <see cref="UnsubscribeEvictions"/>.</summary>
    public sealed record EvictionsUnsubscribed(IActorRef Subscriber);

    /// <summary>Told to each subscriber for each entry that left, with the reason (see <see cref="LruEvictionReason"/>).</summary>
    public sealed record EntryEvicted<TKey, TValue>(LruEviction<TKey, TValue> Eviction);

    /// <summary>Asks for the entry count. Reply: <see cref="CountIs"/>.</summary>
    public sealed record GetCount
    {
        /// <summary>The only instance.</summary>
        public static readonly GetCount Instance = new();

        private GetCount()
        {
        }
    }

    /// <summary>The entry count and capacity, as of every message processed before the <see cref="GetCount"/>.</summary>
    public sealed record CountIs(int Count, int Capacity);

    /// <summary>Asks the actor to check <see cref="LruInvariants"/> on its state. Reply: <see cref="InvariantsChecked"/>.</summary>
    public sealed record CheckInvariants
    {
        /// <summary>The only instance.</summary>
        public static readonly CheckInvariants Instance = new();

        private CheckInvariants()
        {
        }
    }

    /// <summary>The invariant report, with each broken invariant by name.</summary>
    public sealed record InvariantsChecked(LruInvariantReport Report);

    /// <summary>A request the actor refused (a null key, a message of another key or value type); the state is unchanged.</summary>
    public sealed record Rejected(object Request, string Reason);
}
