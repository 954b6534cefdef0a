using System.Diagnostics;

namespace ActorConcurrency.SharedState.Profiling;

/// <summary>
/// Task 16: the statistics a worker pool keeps about its jobs — count, total and largest latency, a
/// latency histogram and a count per job kind. Not thread-safe: the shared-lock pool guards one instance
/// with a lock, the refactored pool gives each worker its own and merges them at the end, and the actor
/// form keeps one inside the statistics actor.
/// </summary>
public sealed class JobStats
{
    /// <summary>Histogram buckets: bucket b counts latencies in [2^b, 2^(b+1)) ticks.</summary>
    public const int Buckets = 32;

    private readonly long[] _histogram = new long[Buckets];
    private readonly Dictionary<int, long> _perKind = [];

    /// <summary>How many jobs were recorded.</summary>
    public long Jobs { get; private set; }

    /// <summary>The sum of the recorded latencies, in <see cref="Stopwatch"/> ticks.</summary>
    public long TotalTicks { get; private set; }

    /// <summary>The largest recorded latency, in <see cref="Stopwatch"/> ticks.</summary>
    public long MaxTicks { get; private set; }

    /// <summary>Jobs per kind.</summary>
    public IReadOnlyDictionary<int, long> PerKind => _perKind;

    /// <summary>Records one job of <paramref name="kind"/> that took <paramref name="latencyTicks"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="latencyTicks"/> is negative.</exception>
    public void Record(int kind, long latencyTicks)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(latencyTicks);
        Jobs++;
        TotalTicks += latencyTicks;
        MaxTicks = Math.Max(MaxTicks, latencyTicks);
        _histogram[Math.Min(Buckets - 1, 63 - long.LeadingZeroCount(latencyTicks | 1))]++;
        _perKind[kind] = _perKind.GetValueOrDefault(kind) + 1;
    }

    /// <summary>Adds <paramref name="other"/>'s counts to this one.</summary>
    public void Merge(JobStats other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Jobs += other.Jobs;
        TotalTicks += other.TotalTicks;
        MaxTicks = Math.Max(MaxTicks, other.MaxTicks);
        for (int b = 0; b < Buckets; b++)
        {
            _histogram[b] += other._histogram[b];
        }

        foreach (var (kind, count) in other._perKind)
        {
            _perKind[kind] = _perKind.GetValueOrDefault(kind) + count;
        }

        Debug.Assert(_histogram.Sum() == Jobs);
    }
}
