using System.Collections.Concurrent;

namespace ActorConcurrency.SharedState.Maps;

/// <summary>
/// Task 8's workloads, shared by the benchmark and the host's indicative measurement: read-heavy (90%
/// reads) and write-heavy (90% writes) over a fixed key space, each worker walking its own deterministic
/// key sequence.
/// </summary>
public sealed record MapWorkload(string Name, int WritePercent)
{
    /// <summary>The keys the map holds (a power of two).</summary>
    public const int KeySpace = 4096;

    /// <summary>9 reads per write.</summary>
    public static MapWorkload ReadHeavy { get; } = new("read-heavy", 10);

    /// <summary>9 writes per read.</summary>
    public static MapWorkload WriteHeavy { get; } = new("write-heavy", 90);

    /// <summary>Both workloads.</summary>
    public static IReadOnlyList<MapWorkload> All { get; } = [ReadHeavy, WriteHeavy];

    /// <summary>Finds a workload by <see cref="Name"/>.</summary>
    /// <exception cref="ArgumentException">No workload has that name.</exception>
    public static MapWorkload Parse(string name) =>
        All.FirstOrDefault(w => w.Name == name)
        ?? throw new ArgumentException($"Unknown workload '{name}'; expected one of {string.Join(", ", All.Select(w => w.Name))}.", nameof(name));

    /// <summary>Whether operation <paramref name="i"/> is a write: spread evenly, <see cref="WritePercent"/> per hundred.</summary>
    public bool IsWrite(int i) => i % 100 < WritePercent;

    /// <summary>Fills the concurrent dictionary with every key.</summary>
    public static void Fill(ConcurrentDictionary<int, int> map)
    {
        ArgumentNullException.ThrowIfNull(map);
        for (int key = 0; key < KeySpace; key++)
        {
            map[key] = key;
        }
    }

    /// <summary>Fills the sharded map with every key.</summary>
    public static void Fill(ShardedDictionary<int, int> map)
    {
        ArgumentNullException.ThrowIfNull(map);
        for (int key = 0; key < KeySpace; key++)
        {
            map.Set(key, key);
        }
    }

    /// <summary>Runs <paramref name="operations"/> operations on a <see cref="ConcurrentDictionary{TKey,TValue}"/>; returns the read hits.</summary>
    public int Run(ConcurrentDictionary<int, int> map, int worker, int operations)
    {
        ArgumentNullException.ThrowIfNull(map);
        int hits = 0;
        int key = worker * 7919 & (KeySpace - 1);
        for (int i = 0; i < operations; i++)
        {
            key = (key + 97) & (KeySpace - 1);
            if (IsWrite(i))
            {
                map[key] = i;
            }
            else if (map.TryGetValue(key, out _))
            {
                hits++;
            }
        }

        return hits;
    }

    /// <summary>Runs <paramref name="operations"/> operations on a <see cref="ShardedDictionary{TKey,TValue}"/>; returns the read hits.</summary>
    public int Run(ShardedDictionary<int, int> map, int worker, int operations)
    {
        ArgumentNullException.ThrowIfNull(map);
        int hits = 0;
        int key = worker * 7919 & (KeySpace - 1);
        for (int i = 0; i < operations; i++)
        {
            key = (key + 97) & (KeySpace - 1);
            if (IsWrite(i))
            {
                map.Set(key, i);
            }
            else if (map.TryGetValue(key, out _))
            {
                hits++;
            }
        }

        return hits;
    }
}
