using ActorConcurrency.Actors.Hosting;
using ActorConcurrency.Actors.Lru;
using ActorConcurrency.Bench.ActorFloor;
using ActorConcurrency.Bench.Harness;
using ActorConcurrency.SharedState.Lru;
using Akka.Actor;
using BenchmarkDotNet.Attributes;
using BitFaster.Caching.Lru;

namespace ActorConcurrency.Bench.Lru;

/// <summary>
/// Task 13: one LRU operation (a TryGet, or a Set) for the plain lock form (baseline), the contention-friendly
/// CLOCK form (<see cref="ClockLruCache{TKey,TValue}"/>), the owner actor reached by Ask, and BitFaster.Caching's
/// <see cref="ConcurrentLru{K,V}"/> (the peer everyone compares with), at 90/10 and 50/50 get/set over a
/// Zipf key space ten times the capacity, at 1 and <see cref="Environment.ProcessorCount"/> threads. Each
/// invocation performs <see cref="Operations"/> operations split across the threads (the actor
/// <see cref="ActorOperations"/>: an Ask is a round trip). The "Hit ratio" column reports hits / gets, so a
/// form that is fast because it stopped keeping the right entries shows it.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(LruBenchConfig))]
public class LruBenchmarks
{
    /// <summary>Entries each cache holds.</summary>
    public const int Capacity = 1_000;

    /// <summary>Distinct keys the workload draws from: ten times the capacity.</summary>
    public const int KeySpace = 10 * Capacity;

    /// <summary>Operations per invocation for the shared-memory forms, over all threads.</summary>
    public const int Operations = 100_000;

    /// <summary>Operations per invocation for the actor, over all threads.</summary>
    public const int ActorOperations = 10_000;

    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Workers for the shared-memory forms, which do their work on the workers themselves: one per core (<see cref="ParallelHarness"/>).</summary>
    private ParallelHarness _pinned = null!;

    /// <summary>Workers for the forms that send to an actor and wait, unpinned as a user would run them.</summary>
    private ParallelHarness _harness = null!;
    private LruWorkload[] _workloads = null!;
    private LruCache<int, int> _lock = null!;
    private ClockLruCache<int, int> _clock = null!;
    private ConcurrentLru<int, int> _bitFaster = null!;
    private ActorSystem _system = null!;
    private IActorRef _actor = null!;
    private EchoFloor _floor = null!;
    private ReplyReceiver[] _receivers = null!;
    private readonly Counts _lockCounts = new();
    private readonly Counts _clockCounts = new();
    private readonly Counts _actorCounts = new();
    private readonly Counts _bitFasterCounts = new();

    [ParamsSource(typeof(ThreadCounts), nameof(ThreadCounts.OneAndAllCores))]
    public int Threads { get; set; }

    /// <summary>Percentage of operations that are gets: 90 (read-mostly) or 50.</summary>
    [Params(90, 50)]
    public int GetPercent { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _pinned = new ParallelHarness(Threads, pinned: true);
        _harness = new ParallelHarness(Threads);
        _workloads = Enumerable.Range(0, Threads).Select(t => new LruWorkload(_harness.ShareOf(Operations, t), GetPercent, seed: t)).ToArray();
        _lock = new LruCache<int, int>(Capacity);
        _clock = new ClockLruCache<int, int>(Capacity);
        _bitFaster = new ConcurrentLru<int, int>(Environment.ProcessorCount, Capacity, EqualityComparer<int>.Default);
        _system = ActorSystem.Create("bench-lru", HoconConfig.Base);
        _actor = _system.ActorOf(LruActor<int, int>.Props(Capacity));
        _floor = new EchoFloor(_system, Threads);
        _receivers = _floor.CreateReceivers(Threads, static reply => reply switch
        {
            LruProtocol.GetResult<int, int> got => got.Key,
            LruProtocol.Stored<int> stored => stored.Key,
            _ => -1,
        });

        // Warm every cache with the keys it will see, so the first invocation does not measure a cold start.
        foreach (int key in _workloads[0].Keys.Take(Capacity * 2))
        {
            _lock.Set(key, key);
            _clock.Set(key, key);
            _bitFaster.AddOrUpdate(key, key);
            _actor.Ask<LruProtocol.Stored<int>>(new LruProtocol.Set<int, int>(key, key), AskTimeout).GetAwaiter().GetResult();
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        HitRatioColumn.Record(nameof(LockLru), Threads, GetPercent, _lockCounts.Hits, _lockCounts.Gets);
        HitRatioColumn.Record(nameof(ClockLru), Threads, GetPercent, _clockCounts.Hits, _clockCounts.Gets);
        HitRatioColumn.Record(nameof(OwnerActorAsk), Threads, GetPercent, _actorCounts.Hits, _actorCounts.Gets);
        HitRatioColumn.Record(nameof(BitFasterConcurrentLru), Threads, GetPercent, _bitFasterCounts.Hits, _bitFasterCounts.Gets);
        _floor.Dispose();
        _pinned.Dispose();
        _harness.Dispose();
        _system.Terminate().Wait();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Operations)]
    public void LockLru() => RunEverywhere(new LockForm(_lock), _lockCounts);

    [Benchmark(OperationsPerInvoke = Operations)]
    public void ClockLru() => RunEverywhere(new ClockForm(_clock), _clockCounts);

    [Benchmark(OperationsPerInvoke = Operations)]
    public void BitFasterConcurrentLru() => RunEverywhere(new BitFasterForm(_bitFaster), _bitFasterCounts);

    /// <summary>Every operation an Ask from each thread, waited for before the next: the actor's round trip is the cost.</summary>
    [Benchmark(OperationsPerInvoke = ActorOperations)]
    public void OwnerActorAsk() => _harness.Run(index =>
    {
        LruWorkload work = _workloads[index];
        int share = _harness.ShareOf(ActorOperations, index);
        long gets = 0;
        long hits = 0;
        for (int i = 0; i < share; i++)
        {
            int key = work.Keys[i];
            if (work.IsGet[i])
            {
                gets++;
                var reply = _actor.Ask<LruProtocol.GetResult<int, int>>(new LruProtocol.Get<int>(key), AskTimeout).GetAwaiter().GetResult();
                hits += reply.Found ? 1 : 0;
            }
            else
            {
                _actor.Ask<LruProtocol.Stored<int>>(new LruProtocol.Set<int, int>(key, key), AskTimeout).GetAwaiter().GetResult();
            }
        }

        _actorCounts.Add(hits, gets);
    });

    /// <summary>The bare-Akka floor for <see cref="OwnerActorAsk"/>: an echo actor by Ask, one round trip at a time per thread.</summary>
    [Benchmark(OperationsPerInvoke = ActorOperations)]
    public void FloorEchoAsk() => _harness.Run(index => _floor.AskEcho(_harness.ShareOf(ActorOperations, index)));

    /// <summary>The floor for <see cref="OwnerActorTell"/>: echo by Tell to each thread's long-lived receiver, matched by correlation id.</summary>
    [Benchmark(OperationsPerInvoke = ActorOperations)]
    public void FloorEchoTell() => _harness.Run(index => _floor.TellEcho(index, _harness.ShareOf(ActorOperations, index)));

    /// <summary>The owner actor by Tell to each thread's long-lived receiver (replies matched by key): no temporary actor per request.</summary>
    [Benchmark(OperationsPerInvoke = ActorOperations)]
    public void OwnerActorTell() => _harness.Run(index =>
    {
        LruWorkload work = _workloads[index];
        ReplyReceiver receiver = _receivers[index];
        int share = _harness.ShareOf(ActorOperations, index);
        for (int i = 0; i < share; i++)
        {
            int key = work.Keys[i];
            object request = work.IsGet[i] ? new LruProtocol.Get<int>(key) : new LruProtocol.Set<int, int>(key, key);
            receiver.Request(_actor, request, key);
        }
    });

    /// <summary>
    /// Each thread's share of the workload on one shared-memory form. Generic over a struct, so the JIT compiles
    /// one loop per form with direct (inlinable) calls to the concrete cache: every form is called the way a user
    /// calls it, none through an interface.
    /// </summary>
    private void RunEverywhere<TForm>(TForm cache, Counts counts)
        where TForm : struct, ICacheForm => _pinned.Run(index =>
    {
        LruWorkload work = _workloads[index];
        long gets = 0;
        long hits = 0;
        for (int i = 0; i < work.Keys.Length; i++)
        {
            int key = work.Keys[i];
            if (work.IsGet[i])
            {
                gets++;
                hits += cache.TryGet(key) ? 1 : 0;
            }
            else
            {
                cache.Set(key);
            }
        }

        counts.Add(hits, gets);
    });

    /// <summary>One shared-memory form's get and set, for <see cref="RunEverywhere{TForm}"/>.</summary>
    private interface ICacheForm
    {
        bool TryGet(int key);

        void Set(int key);
    }

    private readonly struct LockForm(LruCache<int, int> cache) : ICacheForm
    {
        public bool TryGet(int key) => cache.TryGet(key, out _);

        public void Set(int key) => cache.Set(key, key);
    }

    private readonly struct ClockForm(ClockLruCache<int, int> cache) : ICacheForm
    {
        public bool TryGet(int key) => cache.TryGet(key, out _);

        public void Set(int key) => cache.Set(key, key);
    }

    private readonly struct BitFasterForm(ConcurrentLru<int, int> cache) : ICacheForm
    {
        public bool TryGet(int key) => cache.TryGet(key, out _);

        public void Set(int key) => cache.AddOrUpdate(key, key);
    }

    /// <summary>Hits and gets of one form, summed over threads and invocations.</summary>
    private sealed class Counts
    {
        private long _hits;
        private long _gets;

        public long Hits => Interlocked.Read(ref _hits);

        public long Gets => Interlocked.Read(ref _gets);

        public void Add(long hits, long gets)
        {
            Interlocked.Add(ref _hits, hits);
            Interlocked.Add(ref _gets, gets);
        }
    }
}
