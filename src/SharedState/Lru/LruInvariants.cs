namespace ActorConcurrency.SharedState.Lru;

/// <summary>
/// The structural invariants every LRU form keeps between operations, checked on a snapshot of its map
/// and its recency list. The check is a pure function of the snapshot, so a spec can hand it a broken
/// snapshot and see each invariant reported by name, and the lock form, the low-contention form and the
/// owner actor all check exactly the same thing.
/// </summary>
public static class LruInvariants
{
    /// <summary>Every key of the map is in the recency list.</summary>
    public const string MapKeysAreListed = "every key in the map is in the list";

    /// <summary>Every key of the recency list is in the map (no entry leaked by a lost unlink).</summary>
    public const string ListedKeysAreMapped = "every key in the list is in the map";

    /// <summary>The recency list is exactly as long as the map.</summary>
    public const string ListLengthEqualsCount = "the list length equals the map count";

    /// <summary>No key appears twice in the recency list.</summary>
    public const string NoKeyListedTwice = "no key is listed twice";

    /// <summary>The cache holds at most its capacity.</summary>
    public const string CountWithinCapacity = "count <= capacity";

    /// <summary>Each list node's successor points back to it (walking forwards and backwards agree).</summary>
    public const string ListLinksAgree = "the list's forward and backward links agree";

    /// <summary>Every invariant, in the order a report lists them.</summary>
    public static IReadOnlyList<string> All { get; } =
        [MapKeysAreListed, ListedKeysAreMapped, ListLengthEqualsCount, NoKeyListedTwice, CountWithinCapacity, ListLinksAgree];

    /// <summary>Checks a snapshot.</summary>
    /// <param name="mapKeys">The keys of the map.</param>
    /// <param name="listKeys">The keys of the recency list, walked forwards from the most recently used.</param>
    /// <param name="linksAgree">Whether the backward walk of the list met the same nodes as the forward walk.</param>
    /// <param name="capacity">The cache's capacity.</param>
    /// <param name="comparer">How keys compare (the map's comparer).</param>
    /// <exception cref="ArgumentNullException">A collection is null.</exception>
    public static LruInvariantReport Check<TKey>(
        IReadOnlyCollection<TKey> mapKeys,
        IReadOnlyList<TKey> listKeys,
        bool linksAgree,
        int capacity,
        IEqualityComparer<TKey>? comparer = null)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(mapKeys);
        ArgumentNullException.ThrowIfNull(listKeys);
        comparer ??= EqualityComparer<TKey>.Default;

        var mapSet = new HashSet<TKey>(mapKeys, comparer);
        var listed = new HashSet<TKey>(comparer);
        bool duplicate = false;
        foreach (TKey key in listKeys)
        {
            duplicate |= !listed.Add(key);
        }

        var broken = new List<string>();
        if (!mapSet.All(listed.Contains))
        {
            broken.Add(MapKeysAreListed);
        }

        if (!listed.All(mapSet.Contains))
        {
            broken.Add(ListedKeysAreMapped);
        }

        if (listKeys.Count != mapKeys.Count)
        {
            broken.Add(ListLengthEqualsCount);
        }

        if (duplicate)
        {
            broken.Add(NoKeyListedTwice);
        }

        if (mapKeys.Count > capacity)
        {
            broken.Add(CountWithinCapacity);
        }

        if (!linksAgree)
        {
            broken.Add(ListLinksAgree);
        }

        return new LruInvariantReport(broken, mapKeys.Count, capacity);
    }
}
