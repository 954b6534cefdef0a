using System.Diagnostics;
using ActorConcurrency.SharedState.ShardedCounters;

namespace ActorConcurrency.Demonstrations.ShardedCounters;

/// <summary>
/// Task 19's shared-memory sections: a striped counter read while other threads increment it (its Sum must never go
/// down), and while value moves between stripes (a plain Sum can see totals that never existed; SnapshotSum cannot).
/// </summary>
public static class StripedCounterExperiment
{
    /// <summary>One thread reads Sum for <see cref="CrossShardSettings.StripedSeconds"/> while every core increments.</summary>
    public static MonotonicReads MeasureMonotonic(CrossShardSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        TimeSpan duration = settings.StripedDuration;
        StripedCounter counter = StripedCounter.PerCore();
        int writers = Math.Max(2, Environment.ProcessorCount);
        using var stop = new CancellationTokenSource();
        using var running = new CountdownEvent(writers);
        Thread[] threads = Enumerable.Range(0, writers).Select(_ => new Thread(() =>
        {
            running.Signal();
            while (!stop.IsCancellationRequested)
            {
                counter.Add(1);
            }
        }) { IsBackground = true }).ToArray();
        Array.ForEach(threads, t => t.Start());
        running.Wait(cancellationToken);

        long reads = 0, decreases = 0, previous = counter.Sum();
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < duration && !cancellationToken.IsCancellationRequested)
        {
            long current = counter.Sum();
            decreases += current < previous ? 1 : 0;
            previous = current;
            reads++;
        }

        stop.Cancel();
        Array.ForEach(threads, t => t.Join());
        return new MonotonicReads(writers, counter.StripeCount, reads, decreases, counter.Sum());
    }

    /// <summary>
    /// One thread reads a plain Sum and a SnapshotSum in turn for <see cref="CrossShardSettings.StripedSeconds"/> while the
    /// other cores move value between stripes.
    /// </summary>
    public static StripeTransfers MeasureTransfers(CrossShardSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        TimeSpan duration = settings.StripedDuration;
        const int Stripes = 16;
        const long PerCell = 1_000_000;
        var counter = new StripedCounter(Stripes);
        for (int i = 0; i < Stripes; i++)
        {
            counter.AddToStripe(i, PerCell);
        }

        long expected = PerCell * Stripes, moves = 0;
        using var stop = new CancellationTokenSource();
        int movers = Math.Max(1, Environment.ProcessorCount - 1);
        using var running = new CountdownEvent(movers);
        Thread[] threads = Enumerable.Range(0, movers).Select(seed => new Thread(() =>
        {
            var random = new Random(seed);
            running.Signal();
            long local = 0;
            while (!stop.IsCancellationRequested)
            {
                counter.Transfer(random.Next(Stripes), random.Next(Stripes), random.Next(1, 1_000));
                local++;
            }

            Interlocked.Add(ref moves, local);
        }) { IsBackground = true }).ToArray();
        Array.ForEach(threads, t => t.Start());
        running.Wait(cancellationToken);

        long plainReads = 0, plainDeviations = 0, largest = 0, snapshotReads = 0, snapshotDeviations = 0, discarded = 0;
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < duration && !cancellationToken.IsCancellationRequested)
        {
            long plain = counter.Sum();
            plainReads++;
            if (plain != expected)
            {
                plainDeviations++;
                largest = Math.Max(largest, Math.Abs(plain - expected));
            }

            long snapshot = counter.SnapshotSum(StripedCounter.DefaultOptimisticAttempts, afterCellRead: null, out int passes);
            snapshotReads++;
            discarded += passes;
            snapshotDeviations += snapshot != expected ? 1 : 0;
        }

        stop.Cancel();
        Array.ForEach(threads, t => t.Join());
        return new StripeTransfers(Stripes, expected, Interlocked.Read(ref moves), plainReads, plainDeviations, largest, snapshotReads, snapshotDeviations, discarded);
    }
}
