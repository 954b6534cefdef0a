using ActorConcurrency.SharedState.Lru;

namespace ActorConcurrency.Actors.Lru;

/// <summary>
/// The messages of <see cref="LruActor{TKey,TValue}"/>: the operations of <see cref="ILruCache{TKey,TValue}"/>
/// as requests, each answered by exactly one reply to the sender (an acknowledgement for writes too, so a
/// caller knows its write happened), or by <see cref="Rejected"/> for bad input.
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

    /// <summary>Asks for the keys from the most to the least recently used. Reply: <see cref="RecencyOrderIs{TKey}"/>.</summary>
    public sealed record GetRecencyOrder
    {
        /// <summary>The only instance.</summary>
        public static readonly GetRecencyOrder Instance = new();

        private GetRecencyOrder()
        {
        }
    }

    /// <summary>The recency order, most recently used first.</summary>
    public sealed record RecencyOrderIs<TKey>(IReadOnlyList<TKey> Keys);

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
