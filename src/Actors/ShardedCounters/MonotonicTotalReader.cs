using Akka.Actor;

namespace ActorConcurrency.Actors.ShardedCounters;

/// <summary>
/// Task 19's cross-shard read for one client: asks every counter for its value at once (scatter), sums the
/// replies (gather), and keeps the monotonic-read session guarantee: this client never sees a total lower
/// than one it saw before. Each entity only grows and answers only persisted counts, so its replies to one
/// client are already non-decreasing, including after it recovers on another node; the per-key high-water
/// mark also covers a reply from an incarnation that is behind (a node being downed that still answers),
/// so the guarantee does not depend on that argument. The total is not a snapshot of one instant (other
/// keys move while the replies come back), the same trade-off as <c>StripedCounter.Sum</c>.
/// </summary>
public sealed class MonotonicTotalReader
{
    private readonly IActorRef _region;
    private readonly string[] _keys;
    private readonly TimeSpan _timeout;

    /// <summary>Per key, the highest count this client has seen; guarded by itself.</summary>
    private readonly Dictionary<string, long> _highWater = new(StringComparer.Ordinal);

    /// <summary>Creates a reader over <paramref name="keys"/>.</summary>
    /// <exception cref="ArgumentException">No keys.</exception>
    public MonotonicTotalReader(IActorRef region, IEnumerable<string> keys, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(keys);
        _region = region;
        _keys = keys.Distinct(StringComparer.Ordinal).ToArray();
        if (_keys.Length == 0)
        {
            throw new ArgumentException("At least one key is needed.", nameof(keys));
        }

        _timeout = timeout;
    }

    /// <summary>The keys read.</summary>
    public IReadOnlyList<string> Keys => _keys;

    /// <summary>Reads the total across every key.</summary>
    public async Task<TotalRead> ReadAsync(CancellationToken cancellationToken = default)
    {
        ShardedCounterProtocol.Count[] counts = await Task.WhenAll(_keys.Select(key =>
            _region.Ask<ShardedCounterProtocol.Count>(new ShardedCounterProtocol.GetCount(key), _timeout, cancellationToken))).ConfigureAwait(false);

        lock (_highWater)
        {
            long total = 0, gathered = 0;
            int below = 0;
            foreach (ShardedCounterProtocol.Count count in counts)
            {
                gathered += count.Value;
                long seen = _highWater.GetValueOrDefault(count.Key);
                if (count.Value < seen)
                {
                    below++;
                }
                else
                {
                    _highWater[count.Key] = count.Value;
                }

                total += Math.Max(seen, count.Value);
            }

            return new TotalRead(total, gathered, below);
        }
    }
}
