using System.Collections.Concurrent;
using System.Diagnostics;
using Akka.Actor;

namespace ActorConcurrency.Actors.ShardedCounters;

/// <summary>
/// A client that sends increments to the counter region without ever overflowing it. Increments travel in
/// batches (one <see cref="ShardedCounterProtocol.Add"/> carries <c>batchSize</c> of them, one journal event),
/// and at most <c>window</c> batches are unacknowledged at a time: a new batch leaves only when an earlier
/// one was persisted. So however early the burst starts (before the coordinator is known, while a shard
/// moves) the region never holds more than <c>window</c> messages in its buffer and never reaches
/// "Buffer is full, dropping message". Nothing is retried, so nothing is counted twice: a batch whose
/// acknowledgement times out is reported as unacknowledged (it may or may not be in the total).
/// </summary>
public static class AcknowledgedIncrements
{
    /// <summary>Sends <paramref name="increments"/> increments spread round-robin over <paramref name="keys"/>.</summary>
    /// <param name="region">The counter shard region (or a proxy).</param>
    /// <param name="keys">The counters to increment.</param>
    /// <param name="increments">How many increments in all.</param>
    /// <param name="batchSize">Increments per message.</param>
    /// <param name="window">Most batches unacknowledged at once.</param>
    /// <param name="ackTimeout">How long one batch may wait for its acknowledgement.</param>
    /// <param name="onAcknowledged">Called after each acknowledgement with the total acknowledged so far (specs gate on it).</param>
    /// <param name="cancellationToken">Stops sending new batches.</param>
    /// <exception cref="ArgumentException">Bad sizes, no keys.</exception>
    public static async Task<IncrementReport> SendAsync(
        IActorRef region,
        IReadOnlyList<string> keys,
        long increments,
        int batchSize,
        int window,
        TimeSpan ackTimeout,
        Action<long>? onAcknowledged = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Count == 0)
        {
            throw new ArgumentException("At least one key is needed.", nameof(keys));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(increments);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);

        var perKey = new ConcurrentDictionary<string, long>();
        long sent = 0, acknowledged = 0, unacknowledged = 0, batches = 0;
        using var slots = new SemaphoreSlim(window, window);
        var inFlight = new List<Task>();
        Exception? rejection = null;

        for (long remaining = increments; remaining > 0 && rejection is null; remaining -= batchSize)
        {
            await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
            long amount = Math.Min(batchSize, remaining);
            string key = keys[(int)(batches % keys.Count)];
            batches++;
            sent += amount;
            inFlight.Add(AwaitAcknowledgementAsync(key, amount));
            if (inFlight.Count > 4 * window)
            {
                inFlight.RemoveAll(t => t.IsCompleted);
            }
        }

        await Task.WhenAll(inFlight).ConfigureAwait(false);
        if (rejection is not null)
        {
            throw new InvalidOperationException("A counter rejected an increment.", rejection);
        }

        Debug.Assert(acknowledged + unacknowledged == sent, "every sent batch is either acknowledged or reported");
        return new IncrementReport(sent, acknowledged, unacknowledged, batches, new Dictionary<string, long>(perKey));

        async Task AwaitAcknowledgementAsync(string key, long amount)
        {
            try
            {
                object reply = await region.Ask<object>(new ShardedCounterProtocol.Add(key, amount), ackTimeout, CancellationToken.None).ConfigureAwait(false);
                switch (reply)
                {
                    case ShardedCounterProtocol.Added added:
                        perKey.AddOrUpdate(key, added.Amount, (_, v) => v + added.Amount);
                        onAcknowledged?.Invoke(Interlocked.Add(ref acknowledged, added.Amount));
                        break;
                    case ShardedCounterProtocol.Rejected rejected:
                        Interlocked.Add(ref unacknowledged, amount);
                        rejection ??= new ArgumentException(rejected.Reason);
                        break;
                    default:
                        Interlocked.Add(ref unacknowledged, amount);
                        break;
                }
            }
            catch (AskTimeoutException)
            {
                // No retry: the batch may have been persisted just before its node died, and a retry would
                // count it twice. It is reported as unacknowledged: in the total at most once.
                Interlocked.Add(ref unacknowledged, amount);
            }
            finally
            {
                slots.Release();
            }
        }
    }
}
