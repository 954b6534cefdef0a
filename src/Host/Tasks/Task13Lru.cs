using System.CommandLine;
using System.Diagnostics;
using ActorConcurrency.Actors.Lru;
using ActorConcurrency.Demonstrations;
using ActorConcurrency.Host.Catalog;
using ActorConcurrency.SharedState.Lru;
using Akka.Actor;
using Spectre.Console;

namespace ActorConcurrency.Host.Tasks;

/// <summary>
/// Task 13: the concurrent LRU in its three forms. Each form takes the same 90/10 get/set workload over a
/// key space twice its capacity from several threads at once; then its invariant check runs (by message
/// for the actor) and the hit ratio and an indicative throughput are printed. A second experiment replays
/// one single-threaded sequence on the lock form (exact LRU) and the CLOCK form and compares their hit
/// ratios: the CLOCK form gives up exact recency, and this shows what that costs in hits.
/// </summary>
internal sealed class Task13Lru : CatalogTask
{
    /// <summary>How many operations each worker performs on each shared-memory form.</summary>
    public static readonly TaskOption<int> Operations = new(
        "--operations", "LRU operations per worker thread (the actor gets a tenth: each is an Ask)", 200_000,
        v => v < 1 ? "must be at least 1" : null);

    private const int Capacity = 1_000;
    private const int KeySpace = 2 * Capacity;

    /// <summary>How far (in percentage points) the CLOCK form's hit ratio may trail exact LRU's in the replay.</summary>
    private const double MaxHitRatioGapPoints = 2.0;

    public override TaskInfo Info { get; } = new(
        13,
        "Concurrent LRU",
        "concurrent LRU cache",
        "Lru",
        SharedStateTypes: ["LruCache<TKey,TValue>", "ClockLruCache<TKey,TValue>", "SingleOwnerLru<TKey,TValue>", "LruInvariants"],
        ActorTypes: ["LruActor<TKey,TValue>"],
        Specs: ["LruCacheSpec", "LruSurfaceSpec", "GolangLruCasesSpec", "ClockLruCacheSpec", "ClockLruUpdateSpec", "LruInvariantsSpec", "LruActorSpec"],
        Benchmark: "LruBenchmarks");

    public override IReadOnlyList<Option> Options => [Operations.Option, RunOptions.Threads.Option];

    private sealed record FormResult(string Form, long Operations, long Gets, long Hits, TimeSpan Elapsed, LruInvariantReport Report, string Note);

    public override async Task<IDemonstrationResult> RunAsync(DemoContext context)
    {
        int operations = context.Get(Operations);
        int threads = context.Get(RunOptions.Threads);
        var results = new List<FormResult>();

        await context.Console.Status().StartAsync("Driving the LRU forms…", async status =>
        {
            status.Status("LruCache (one lock)…");
            var plain = new LruCache<int, int>(Capacity);
            results.Add(await DriveAsync("LruCache (one lock)", plain, threads, operations, context.CancellationToken, ""));

            status.Status("ClockLruCache (lock-free TryGet)…");
            var clock = new ClockLruCache<int, int>(Capacity);
            var result = await DriveAsync("ClockLruCache (CLOCK)", clock, threads, operations, context.CancellationToken, "");
            results.Add(result with { Note = $"{clock.Metrics.Evictions:N0} evictions" });

            status.Status("LruActor (Ask per operation)…");
            results.Add(await DriveActorAsync(context, threads, Math.Max(1, operations / 10)));
        });

        var table = new Table().Border(TableBorder.Rounded).AddColumns(
            "form", "threads", "operations", "hit ratio", "ops/s (indicative)", "invariants after the run", "note");
        foreach (FormResult r in results)
        {
            string invariants = r.Report.Holds ? $"[green]{Markup.Escape(r.Report.ToString())}[/]" : $"[red]{Markup.Escape(r.Report.ToString())}[/]";
            table.AddRow(
                Markup.Escape(r.Form),
                threads.ToString(),
                r.Operations.ToString("N0"),
                $"{(double)r.Hits / Math.Max(1, r.Gets):P1}",
                $"{r.Operations / r.Elapsed.TotalSeconds:N0}",
                invariants,
                Markup.Escape(r.Note));
        }

        context.Console.Write(table);
        context.Console.MarkupLine(
            $"[grey]Workload: capacity {Capacity}, keys 0..{KeySpace - 1} uniform, 90% TryGet / 10% Set. Throughput is indicative " +
            "(one run on a shared machine); the real figures are in LruBenchmarks.[/]");

        // What the CLOCK form's approximate recency costs: one sequence replayed on the exact and the CLOCK form.
        (int sequenceLength, LruMetrics exact, LruMetrics approximate, int common) = CompareSequentialHitRatios();
        double gain = 100 * (approximate.HitRatio - exact.HitRatio);
        bool closeEnough = gain >= -MaxHitRatioGapPoints;
        string verdict = $"CLOCK − exact = {gain:+0.00;-0.00;0.00} points";
        context.Console.MarkupLine(
            $"Single-threaded replay of {sequenceLength:N0} operations (Zipf keys): exact LRU hit ratio {exact.HitRatio:P2}, CLOCK {approximate.HitRatio:P2}, " +
            (closeEnough ? $"[green]{verdict}[/]" : $"[red]{verdict}[/]") +
            $" (allowed: no more than {MaxHitRatioGapPoints} points below); {common} of {Capacity} final keys in common.");

        bool held = results.All(r => r.Report.Holds) && closeEnough;
        return new DemoOutcome(
            held,
            string.Join("; ", results.Select(r => $"{r.Form}: {(r.Report.Holds ? "invariants hold" : "BROKEN " + string.Join(",", r.Report.Broken))}, hit {(double)r.Hits / Math.Max(1, r.Gets):P0}"))
            + $"; replay hit ratio exact {exact.HitRatio:P1} vs CLOCK {approximate.HitRatio:P1} ({gain:+0.0;-0.0;0.0} points)");
    }

    private static async Task<FormResult> DriveAsync(
        string name, ILruCache<int, int> cache, int threads, int operations, CancellationToken cancellationToken, string note)
    {
        long gets = 0;
        long hits = 0;
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
        await Task.WhenAll(workers);
        stopwatch.Stop();
        return new FormResult(name, (long)threads * operations, gets, hits, stopwatch.Elapsed, cache.CheckInvariants(), note);
    }

    private static async Task<FormResult> DriveActorAsync(DemoContext context, int threads, int operations)
    {
        IActorRef lru = context.ActorSystem.ActorOf(LruActor<int, int>.Props(Capacity));
        try
        {
            var timeout = TimeSpan.FromSeconds(10);
            long gets = 0;
            long hits = 0;
            var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var workers = Enumerable.Range(0, threads).Select(seed => Task.Run(async () =>
            {
                var random = new Random(seed);
                await gate.Task;
                for (int i = 0; i < operations; i++)
                {
                    int key = random.Next(KeySpace);
                    if (random.Next(10) == 0)
                    {
                        await lru.Ask<LruProtocol.Stored<int>>(new LruProtocol.Set<int, int>(key, key), timeout, context.CancellationToken);
                    }
                    else
                    {
                        Interlocked.Increment(ref gets);
                        var reply = await lru.Ask<LruProtocol.GetResult<int, int>>(new LruProtocol.Get<int>(key), timeout, context.CancellationToken);
                        if (reply.Found)
                        {
                            Interlocked.Increment(ref hits);
                        }
                    }
                }
            })).ToArray();

            var stopwatch = Stopwatch.StartNew();
            gate.SetResult();
            await Task.WhenAll(workers);
            stopwatch.Stop();
            var report = await lru.Ask<LruProtocol.InvariantsChecked>(LruProtocol.CheckInvariants.Instance, timeout, context.CancellationToken);
            return new FormResult("LruActor (Ask)", (long)threads * operations, gets, hits, stopwatch.Elapsed, report.Report, "checked by message");
        }
        finally
        {
            context.ActorSystem.Stop(lru);
        }
    }

    /// <summary>
    /// One sequence of 90% TryGet / 10% Set over Zipf(0.9) keys ten times the capacity (the benchmark's
    /// workload, where recency matters), replayed on the exact and the CLOCK form.
    /// </summary>
    private static (int Length, LruMetrics Exact, LruMetrics Clock, int Common) CompareSequentialHitRatios()
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

        return (length, exact.Metrics, clock.Metrics, exact.Keys().Intersect(clock.Keys()).Count());
    }
}
