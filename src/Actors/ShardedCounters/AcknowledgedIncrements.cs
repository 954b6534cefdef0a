using System.Collections.Concurrent;
using Akka.Actor;

namespace ActorConcurrency.Actors.ShardedCounters;

/// <summary>
/// A client that sends increments to the counter region without ever overflowing it and, by default, without
/// ever losing or double-counting one. Increments travel in batches (one <see cref="ShardedCounterProtocol.Add"/>
/// carries <see cref="IncrementLoadOptions.BatchSize"/> of them, one journal event), and at most
/// <see cref="IncrementLoadOptions.Window"/> batches are unacknowledged at a time, so however early the burst
/// starts (before the coordinator is known, while a shard moves) the region never holds more than a window of
/// messages in its buffer and never reaches "Buffer is full, dropping message".
/// <para>
/// <see cref="IncrementDelivery.ExactlyOnce"/> (the default): every batch carries an id (client, number, oldest
/// unacknowledged number) and is sent again, after a backoff, each time an acknowledgement does not arrive
/// within <see cref="IncrementLoadOptions.AckTimeout"/>: a batch dropped by a region during a hand-off, sent to
/// a node that died, or persisted just before its node died and never acknowledged. The counter acknowledges a
/// batch it already counted without counting it again, so a client that stays alive ends with
/// sent = acknowledged = total. <see cref="IncrementDelivery.AtMostOnce"/>: one attempt per batch; a timeout
/// is reported as unacknowledged (in the total at most once).
/// </para>
/// </summary>
public static class AcknowledgedIncrements
{
    /// <summary>Sends <paramref name="increments"/> increments spread round-robin over <paramref name="keys"/>.</summary>
    /// <param name="region">The counter shard region (or a proxy).</param>
    /// <param name="keys">The counters to increment.</param>
    /// <param name="increments">How many increments in all.</param>
    /// <param name="options">Batch size, window, timeouts, delivery.</param>
    /// <param name="progress">Live figures for a status display (a new one if null).</param>
    /// <param name="onAcknowledged">Called after each acknowledgement with the total acknowledged so far (specs gate on it).</param>
    /// <param name="cancellationToken">
    /// Stops sending and retrying; attempts in flight may still be acknowledged for <see cref="IncrementLoadOptions.DrainOnStop"/>,
    /// and batches still unanswered after that are reported unacknowledged.
    /// </param>
    /// <exception cref="ArgumentException">Bad sizes, no keys, or a counter rejected a batch.</exception>
    public static async Task<IncrementReport> SendAsync(
        IActorRef region,
        IReadOnlyList<string> keys,
        long increments,
        IncrementLoadOptions options,
        IncrementProgress? progress = null,
        Action<long>? onAcknowledged = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(options);
        if (keys.Count == 0)
        {
            throw new ArgumentException("At least one key is needed.", nameof(keys));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(increments);
        options.Validate();

        progress ??= new IncrementProgress();
        var window = new SequenceWindow(options.Window);

        // Stopping ends the sending and the retries at once, but a batch whose attempt is in flight may still
        // hear its acknowledgement for DrainOnStop: on a healthy cluster it does, and the run ends with
        // nothing in flight (sent = acknowledged) instead of abandoning answers that were a moment away.
        using var abandon = new CancellationTokenSource();
        using CancellationTokenRegistration drain = cancellationToken.Register(() => abandon.CancelAfter(options.DrainOnStop));
        var inFlight = new List<Task>();
        var rejections = new ConcurrentQueue<string>();
        long batches = 0;
        try
        {
            for (long remaining = increments; remaining > 0 && rejections.IsEmpty; remaining -= options.BatchSize)
            {
                long sequence = await window.NextAsync(cancellationToken).ConfigureAwait(false);
                long amount = Math.Min(options.BatchSize, remaining);
                string key = keys[(int)(batches++ % keys.Count)];
                progress.Started(amount);
                inFlight.Add(DeliverAsync(key, amount, sequence));
                if (inFlight.Count > 4 * options.Window)
                {
                    inFlight.RemoveAll(t => t.IsCompleted);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped while waiting for room in the window: the batches in flight end below.
        }

        await Task.WhenAll(inFlight).ConfigureAwait(false);
        if (rejections.TryPeek(out string? reason))
        {
            throw new ArgumentException($"A counter rejected an increment: {reason}", nameof(options));
        }

        return progress.Snapshot();

        async Task DeliverAsync(string key, long amount, long sequence)
        {
            bool exactlyOnce = options.Delivery == IncrementDelivery.ExactlyOnce;
            TimeSpan backoff = options.RetryBackoff;
            try
            {
                while (true)
                {
                    // The oldest unacknowledged number is read per attempt: it only grows, and a counter may
                    // forget every number below it.
                    var add = new ShardedCounterProtocol.Add(
                        key, amount, exactlyOnce ? new ShardedCounterProtocol.BatchId(options.ClientId, sequence, window.OldestUnfinished) : null);
                    object reply;
                    try
                    {
                        reply = await region.Ask<object>(add, options.AckTimeout, abandon.Token).ConfigureAwait(false);
                    }
                    catch (AskTimeoutException) when (exactlyOnce && !cancellationToken.IsCancellationRequested)
                    {
                        progress.Retried(amount);
                        await Task.Delay(Jittered(backoff), cancellationToken).ConfigureAwait(false);
                        backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, options.MaxRetryBackoff.Ticks));
                        continue;
                    }

                    switch (reply)
                    {
                        case ShardedCounterProtocol.Added added:
                            long acknowledgedSoFar = progress.Acknowledged(key, added.Amount, added.Duplicate);
                            onAcknowledged?.Invoke(acknowledgedSoFar);
                            return;
                        case ShardedCounterProtocol.Rejected rejected:
                            rejections.Enqueue(rejected.Reason);
                            progress.GaveUp(amount);
                            return;
                        default:
                            progress.GaveUp(amount);
                            return;
                    }
                }
            }
            catch (AskTimeoutException)
            {
                // At most once, or stopped while this attempt timed out: the batch may have been persisted just before its node died, and a retry
                // without an id would count it twice. In the total at most once.
                progress.GaveUp(amount);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Stopped and not answered within the drain: it may or may not have been persisted; reported unacknowledged.
                progress.GaveUp(amount);
            }
            finally
            {
                window.Finished(sequence);
            }
        }
    }

    /// <summary>The positional form the specs and benchmarks use: exactly-once with the given sizes and timeout.</summary>
    public static Task<IncrementReport> SendAsync(
        IActorRef region,
        IReadOnlyList<string> keys,
        long increments,
        int batchSize,
        int window,
        TimeSpan ackTimeout,
        Action<long>? onAcknowledged = null,
        CancellationToken cancellationToken = default) =>
        SendAsync(
            region,
            keys,
            increments,
            new IncrementLoadOptions { BatchSize = batchSize, Window = window, AckTimeout = ackTimeout },
            progress: null,
            onAcknowledged,
            cancellationToken);

    /// <summary>Spreads retries of many batches over ±25 % so they do not arrive at a recovering shard at once.</summary>
    private static TimeSpan Jittered(TimeSpan backoff) =>
        TimeSpan.FromTicks((long)(backoff.Ticks * (0.75 + (Random.Shared.NextDouble() * 0.5))));
}
