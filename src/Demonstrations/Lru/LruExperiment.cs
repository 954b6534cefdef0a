using System.Diagnostics;
using ActorConcurrency.Actors.Lru;
using ActorConcurrency.SharedState.Lru;
using Akka.Actor;

namespace ActorConcurrency.Demonstrations.Lru;

/// <summary>
/// Task 13: the concurrent LRU in its three forms. Each form takes the same 90/10 get/set workload over a key space
/// twice its capacity from several threads at once; then its invariant check runs (by message for the actor). A second
/// experiment replays one single-threaded sequence on the lock form (exact LRU) and the CLOCK form and compares their
/// hit ratios: the CLOCK form gives up exact recency, and this shows what that costs in hits.
/// </summary>
public static class LruExperiment
{
    private const int Capacity = 1_000;
    private const int KeySpace = 2 * Capacity;

    /// <summary>Drives the three forms, then replays the sequence.</summary>
    public static async Task<LruResult> RunAsync(LruSettings settings, ActorSystem system, IProgress<string>? status, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        var forms = new List<LruFormRun>(3);
        status?.Report("LruCache (one lock)…");
        forms.Add(await DriveAsync("LruCache (one lock)", new LruCache<int, int>(Capacity), settings, cancellationToken).ConfigureAwait(false));

        status?.Report("ClockLruCache (lock-free TryGet)…");
        var clock = new ClockLruCache<int, int>(Capacity);
        LruFormRun clockRun = await DriveAsync("ClockLruCache (CLOCK)", clock, settings, cancellationToken).ConfigureAwait(false);
        forms.Add(clockRun with { Note = $"{clock.Metrics.Evictions:N0} evictions" });

        status?.Report("LruActor (Ask per operation)…");
        forms.Add(await DriveActorAsync(system, settings.Threads, Math.Max(1, settings.Operations / 10), cancellationToken).ConfigureAwait(false));
        return new LruResult(Capacity, KeySpace, settings.Threads, forms, Replay());
    }

    private static async Task<LruFormRun> DriveAsync(string name, ILruCache<int, int> cache, LruSettings settings, CancellationToken cancellationToken)
    {
        long gets = 0;
        long hits = 0;
        int threads = settings.Threads, operations = settings.Operations;
        var start = new Barrier(threads + 1);
        var workers = new Task[threads];
        for (int t = 0; t < threads; t++)
        {
            int seed = t;
            workers[t] = Task.Factory.StartNew(
                () =>
                {
                    var random = new Random(seed);
                    long myGets = 0;
                    long myHits = 0;
                    start.SignalAndWait(cancellationToken);
                    for (int i = 0; i < operations; i++)
                    {
                        int key = random.Next(KeySpace);
                        if (random.Next(10) == 0)
                        {
                            cache.Set(key, key);
                        }
                        else
                        {
                            myGets++;
                            if (cache.TryGet(key, out int value))
                            {
                                Debug.Assert(value == key, "a value is always its key here");
                                myHits++;
                            }
                        }
                    }

                    Interlocked.Add(ref gets, myGets);
                    Interlocked.Add(ref hits, myHits);
                },
                cancellationToken,
                TaskCreationOptions.LongRunning,
                TaskScheduler.Default);
        }

        start.SignalAndWait(cancellationToken); // every worker is started; release them together
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(workers).ConfigureAwait(false);
        stopwatch.Stop();
        return new LruFormRun(name, (long)threads * operations, gets, hits, stopwatch.Elapsed.TotalSeconds, cache.CheckInvariants(), "");
    }

    private static async Task<LruFormRun> DriveActorAsync(ActorSystem system, int threads, int operations, CancellationToken cancellationToken)
    {
        IActorRef lru = system.ActorOf(LruActor<int, int>.Props(Capacity));
        try
        {
            var timeout = TimeSpan.FromSeconds(10);
            long gets = 0;
            long hits = 0;
            var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var workers = Enumerable.Range(0, threads).Select(seed => Task.Run(async () =>
            {
                var random = new Random(seed);
                await gate.Task.ConfigureAwait(false);
                for (int i = 0; i < operations; i++)
                {
                    int key = random.Next(KeySpace);
                    if (random.Next(10) == 0)
                    {
                        await lru.Ask<LruProtocol.Stored<int>>(new LruProtocol.Set<int, int>(key, key), timeout, cancellationToken).ConfigureAwait(false);
                    }
                    else
                    {
                        Interlocked.Increment(ref gets);
                        var reply = await lru.Ask<LruProtocol.GetResult<int, int>>(new LruProtocol.Get<int>(key), timeout, cancellationToken).ConfigureAwait(false);
                        if (reply.Found)
                        {
                            Interlocked.Increment(ref hits);
                        }
                    }
                }
            })).ToArray();

            var stopwatch = Stopwatch.StartNew();
            gate.SetResult();
            await Task.WhenAll(workers).ConfigureAwait(false);
            stopwatch.Stop();
            var report = await lru.Ask<LruProtocol.InvariantsChecked>(LruProtocol.CheckInvariants.Instance, timeout, cancellationToken).ConfigureAwait(false);
            return new LruFormRun("LruActor (Ask)", (long)threads * operations, gets, hits, stopwatch.Elapsed.TotalSeconds, report.Report, "checked by message");
        }
        finally
        {
            system.Stop(lru);
        }
    }

    /// <summary>
    /// One sequence of 90% TryGet / 10% Set over Zipf(0.9) keys ten times the capacity (the benchmark's workload,
    /// where recency matters), replayed on the exact and the CLOCK form.
    /// </summary>
    private static LruReplay Replay()
    {
        const int length = 200_000;
        const int keys = 10 * Capacity;
        var cumulative = new double[keys];
        double total = 0;
        for (int k = 0; k < keys; k++)
        {
            total += 1.0 / Math.Pow(k + 1, 0.9);
            cumulative[k] = total;
        }

        var exact = new LruCache<int, int>(Capacity);
        var clock = new ClockLruCache<int, int>(Capacity);
        var random = new Random(13);
        for (int i = 0; i < length; i++)
        {
            int rank = Array.BinarySearch(cumulative, random.NextDouble() * total);
            int key = Math.Min(rank < 0 ? ~rank : rank, keys - 1);
            bool isSet = random.Next(10) == 0;
            foreach (ILruCache<int, int> cache in new ILruCache<int, int>[] { exact, clock })
            {
                if (isSet || !cache.TryGet(key, out _))
                {
                    cache.Set(key, key); // a miss loads the key, as a cache in front of a store would
                }
            }
        }

        return new LruReplay(length, exact.Metrics.HitRatio, clock.Metrics.HitRatio, exact.Keys().Intersect(clock.Keys()).Count());
    }
}
