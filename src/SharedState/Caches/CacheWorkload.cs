using System.Diagnostics;

namespace ActorConcurrency.SharedState.Caches;

/// <summary>
/// Task 7's workload: a mix of reads and writes over a fixed key space, shared by the benchmark and the
/// host's indicative measurement so both run the same operations. A worker walks its own deterministic
/// sequence of keys (no shared random generator, which would itself be a point of contention) and writes
/// on every <see cref="WriteEvery"/>-th operation.
/// </summary>
public sealed record CacheWorkload(string Name, int WritePercent)
{
    /// <summary>The keys the cache holds; small enough to stay in the CPU caches, so the lock dominates.</summary>
    public const int KeySpace = 1024;

    /// <summary>Only reads.</summary>
    public static CacheWorkload ReadOnly { get; } = new("read-only", 0);

    /// <summary>99 reads per write.</summary>
    public static CacheWorkload Read99Write1 { get; } = new("99/1", 1);

    /// <summary>9 reads per write.</summary>
    public static CacheWorkload Read90Write10 { get; } = new("90/10", 10);

    /// <summary>One read per write.</summary>
    public static CacheWorkload Read50Write50 { get; } = new("50/50", 50);

    /// <summary>The four workloads, from read-only to write-heavy.</summary>
    public static IReadOnlyList<CacheWorkload> All { get; } = [ReadOnly, Read99Write1, Read90Write10, Read50Write50];

    /// <summary>Finds a workload by <see cref="Name"/>.</summary>
    /// <exception cref="ArgumentException">No workload has that name.</exception>
    public static CacheWorkload Parse(string name) =>
        All.FirstOrDefault(w => w.Name == name)
        ?? throw new ArgumentException($"Unknown workload '{name}'; expected one of {string.Join(", ", All.Select(w => w.Name))}.", nameof(name));

    /// <summary>One operation in <see cref="WriteEvery"/> is a write; 0 when the workload only reads.</summary>
    public int WriteEvery => WritePercent == 0 ? 0 : 100 / WritePercent;

    /// <summary>Fills <paramref name="cache"/> with every key, so reads hit.</summary>
    public static void Fill(ICache<int, int> cache)
    {
        ArgumentNullException.ThrowIfNull(cache);
        for (int key = 0; key < KeySpace; key++)
        {
            cache.Set(key, key);
        }
    }

    /// <summary>
    /// Runs <paramref name="operations"/> operations of this mix on <paramref name="cache"/> as worker
    /// <paramref name="worker"/>; returns how many reads hit, so the work cannot be optimised away.
    /// </summary>
    public int Run(ICache<int, int> cache, int worker, int operations)
    {
        ArgumentNullException.ThrowIfNull(cache);
        int writeEvery = WriteEvery;
        int hits = 0;
        int key = worker * 7919 % KeySpace; // workers start at different keys
        for (int i = 0; i < operations; i++)
        {
            key = (key + 31) & (KeySpace - 1);
            if (writeEvery != 0 && i % writeEvery == 0)
            {
                cache.Set(key, i);
            }
            else if (cache.TryGet(key, out _))
            {
                hits++;
            }
        }

        Debug.Assert(hits <= operations);
        return hits;
    }
}
