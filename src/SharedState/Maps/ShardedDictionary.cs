using System.Diagnostics;

namespace ActorConcurrency.SharedState.Maps;

/// <summary>
/// Task 8 (Go's sharded map beside <c>sync.Map</c>): a <see cref="Dictionary{TKey,TValue}"/> split into
/// shards, each behind its own lock. A key's hash picks its shard, so two threads touching different
/// shards never wait for each other; with 16 shards and uniformly spread keys, two random operations
/// collide one time in 16. Every operation takes exactly one shard lock and never two, so there is no
/// lock ordering to get wrong. <see cref="Count"/> takes the shards one at a time: it is a sum of
/// per-shard snapshots, exact only when no writer runs (as for <c>ConcurrentDictionary.Count</c>, which
/// takes every lock instead).
/// </summary>
public sealed class ShardedDictionary<TKey, TValue>
    where TKey : notnull
{
    /// <summary>The shard count the exercise asks for.</summary>
    public const int DefaultShardCount = 16;

    private readonly Shard[] _shards;
    private readonly IEqualityComparer<TKey> _comparer;

    /// <summary>Creates a map of <paramref name="shardCount"/> shards.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="shardCount"/> is below 1.</exception>
    public ShardedDictionary(int shardCount = DefaultShardCount, IEqualityComparer<TKey>? comparer = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(shardCount, 1);
        _comparer = comparer ?? EqualityComparer<TKey>.Default;
        _shards = new Shard[shardCount];
        for (int i = 0; i < shardCount; i++)
        {
            _shards[i] = new Shard(_comparer);
        }
    }

    /// <summary>How many shards (and locks) the map has.</summary>
    public int ShardCount => _shards.Length;

    /// <summary>Reads the value for <paramref name="key"/>, if any.</summary>
    public bool TryGetValue(TKey key, out TValue value)
    {
        Shard shard = ShardOf(key);
        lock (shard.Gate)
        {
            return shard.Items.TryGetValue(key, out value!);
        }
    }

    /// <summary>Sets the value for <paramref name="key"/>, adding the key if it is new.</summary>
    public void Set(TKey key, TValue value)
    {
        Shard shard = ShardOf(key);
        lock (shard.Gate)
        {
            shard.Items[key] = value;
        }
    }

    /// <summary>Adds or updates atomically: <paramref name="update"/> runs under the shard's lock, so keep it short.</summary>
    public TValue AddOrUpdate(TKey key, TValue addValue, Func<TKey, TValue, TValue> update)
    {
        ArgumentNullException.ThrowIfNull(update);
        Shard shard = ShardOf(key);
        lock (shard.Gate)
        {
            TValue result = shard.Items.TryGetValue(key, out TValue? existing) ? update(key, existing) : addValue;
            shard.Items[key] = result;
            return result;
        }
    }

    /// <summary>Removes <paramref name="key"/>; false if it was absent.</summary>
    public bool TryRemove(TKey key, out TValue value)
    {
        Shard shard = ShardOf(key);
        lock (shard.Gate)
        {
            return shard.Items.Remove(key, out value!);
        }
    }

    /// <summary>The number of keys, summed shard by shard (see the class remarks).</summary>
    public int Count
    {
        get
        {
            int count = 0;
            foreach (Shard shard in _shards)
            {
                lock (shard.Gate)
                {
                    count += shard.Items.Count;
                }
            }

            return count;
        }
    }

    private Shard ShardOf(TKey key)
    {
        // Mix the hash before reducing it: int keys hash to themselves, and a stride that is a multiple
        // of the shard count would otherwise put every key into one shard.
        uint hash = (uint)_comparer.GetHashCode(key) * 0x9E3779B1u;
        int index = (int)((hash >> 16) % (uint)_shards.Length);
        Debug.Assert(index >= 0 && index < _shards.Length);
        return _shards[index];
    }

    /// <summary>One shard: its lock and the dictionary it guards, padded apart by being separate objects.</summary>
    private sealed class Shard(IEqualityComparer<TKey> comparer)
    {
        public readonly object Gate = new();

        /// <summary>Guarded by <see cref="Gate"/>.</summary>
        public readonly Dictionary<TKey, TValue> Items = new(comparer);
    }
}
