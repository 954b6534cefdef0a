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
        long sent = 0, batches = 0;
        // Shared with the acknowledgement continuations, which run concurrently: an array, updated atomically.
        long[] tally = new long[2];
        const int Acknowledged = 0, Unacknowledged = 1;
        using var slots = new SemaphoreSlim(window, window);
        var inFlight = new List<Task>();
        var rejections = new ConcurrentQueue<string>();

        for (long remaining = increments; remaining > 0 && rejections.IsEmpty; remaining -= batchSize)
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
        if (rejections.TryPeek(out string? reason))
        {
            throw new ArgumentException($"A counter rejected an increment: {reason}", nameof(batchSize));
        }

        long acknowledged = Volatile.Read(ref tally[Acknowledged]), unacknowledged = Volatile.Read(ref tally[Unacknowledged]);
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
                        // Counted first, then reported: "?.Invoke" would skip evaluating its argument when no one listens.
                        long acknowledgedSoFar = Interlocked.Add(ref tally[Acknowledged], added.Amount);
                        onAcknowledged?.Invoke(acknowledgedSoFar);
                        break;
                    case ShardedCounterProtocol.Rejected rejected:
                        Interlocked.Add(ref tally[Unacknowledged], amount);
                        rejections.Enqueue(rejected.Reason);
                        break;
                    default:
                        Interlocked.Add(ref tally[Unacknowledged], amount);
                        break;
                }
            }
            catch (AskTimeoutException)
            {
                // No retry: the batch may have been persisted just before its node died, and a retry would
                // count it twice. It is reported as unacknowledged: in the total at most once.
                Interlocked.Add(ref tally[Unacknowledged], amount);
            }
            finally
            {
                slots.Release();
            }
        }
    }
}
