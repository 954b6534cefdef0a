using ActorConcurrency.Actors.Counters;
using ActorConcurrency.Actors.Hosting;
using ActorConcurrency.Bench.Harness;
using ActorConcurrency.SharedState.Counters;
using ActorConcurrency.Bench.ActorFloor;
using Akka.Actor;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace ActorConcurrency.Bench.Counters;

/// <summary>
/// Tasks 1–4: the cost of one increment for each fix of the data race, and for the owner actor, at 1 thread
/// and at <see cref="Environment.ProcessorCount"/> threads. Each invocation performs
/// <see cref="Increments"/> increments split across the threads; results are per increment. The racy
/// counter is there for reference (its totals are wrong, its speed is what "no synchronisation" costs).
/// The <c>RequestResponse</c> category puts the owner actor's one request/response (<see cref="CounterProtocol.GetCount"/>)
/// beside the bare-Akka floor (<see cref="EchoFloor"/>), by <c>Ask</c> and by <c>Tell</c> to a long-lived receiver.
/// </summary>
[MemoryDiagnoser]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class CounterBenchmarks
{
    /// <summary>Increments per invocation, over all threads.</summary>
    public const int Increments = 100_000;

    /// <summary>Round trips per invocation in the request/response category, over all threads.</summary>
    public const int ActorRequests = 5_000;

    private const string Increment = "Increment";
    private const string RequestResponse = "RequestResponse";

    /// <summary>Workers for the shared-memory forms, which do their work on the workers themselves: one per core (<see cref="ParallelHarness"/>).</summary>
    private ParallelHarness _pinned = null!;

    /// <summary>Workers for the forms that send to an actor or channel and wait, unpinned as a user would run them.</summary>
    private ParallelHarness _harness = null!;
    private ActorSystem _system = null!;
    private IActorRef _actor = null!;
    private EchoFloor _floor = null!;
    private ReplyReceiver[] _receivers = null!;
    private readonly RacyCounter _racy = new();
    private readonly InterlockedCounter _interlocked = new();
    private readonly MonitorCounter _monitor = new();
    private readonly ThreadingLockCounter _lock = new();

    [ParamsSource(typeof(ThreadCounts), nameof(ThreadCounts.OneAndAllCores))]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _pinned = new ParallelHarness(Threads, pinned: true);
        _harness = new ParallelHarness(Threads);
        _system = ActorSystem.Create("bench-counters", HoconConfig.Base);
        _actor = _system.ActorOf(CounterActor.Props());
        _floor = new EchoFloor(_system, Threads);
        _receivers = _floor.CreateReceivers(Threads, static reply => reply is CounterProtocol.Count ? 0 : -1);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _floor.Dispose();
        _pinned.Dispose();
        _harness.Dispose();
        _system.Terminate().Wait();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Increments), BenchmarkCategory(Increment)]
    public void Interlocked() => IncrementEverywhere(_interlocked);

    [Benchmark(OperationsPerInvoke = Increments), BenchmarkCategory(Increment)]
    public void MonitorLock() => IncrementEverywhere(_monitor);

    [Benchmark(OperationsPerInvoke = Increments), BenchmarkCategory(Increment)]
    public void ThreadingLock() => IncrementEverywhere(_lock);

    [Benchmark(OperationsPerInvoke = Increments), BenchmarkCategory(Increment)]
    public int ChannelReader()
    {
        var counter = new ChannelCounter();
        _harness.Run(index =>
        {
            for (int i = _harness.ShareOf(Increments, index); i > 0; i--)
            {
                counter.Increment();
            }
        });
        return counter.CompleteAsync().GetAwaiter().GetResult();
    }

    /// <summary>Tells from every thread, then one Ask: its reply proves every Tell was processed.</summary>
    [Benchmark(OperationsPerInvoke = Increments), BenchmarkCategory(Increment)]
    public long ActorTell()
    {
        _harness.Run(index =>
        {
            for (int i = _harness.ShareOf(Increments, index); i > 0; i--)
            {
                _actor.Tell(CounterProtocol.Increment.Instance);
            }
        });
        return _actor.Ask<CounterProtocol.Count>(CounterProtocol.GetCount.Instance, TimeSpan.FromMinutes(1)).GetAwaiter().GetResult().Value;
    }

    /// <summary>Reference only: loses updates under contention.</summary>
    [Benchmark(OperationsPerInvoke = Increments), BenchmarkCategory(Increment)]
    public void Racy() => IncrementEverywhere(_racy);

    /// <summary>The floor: an echo actor by await Ask, one round trip at a time per thread.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = ActorRequests), BenchmarkCategory(RequestResponse)]
    public void FloorEchoAsk() => _harness.Run(index => _floor.AskEchoAsync(_harness.ShareOf(ActorRequests, index)).GetAwaiter().GetResult());

    /// <summary>The floor by Tell: each thread's long-lived receiver gets the echo, matched by correlation id, awaited.</summary>
    [Benchmark(OperationsPerInvoke = ActorRequests), BenchmarkCategory(RequestResponse)]
    public void FloorEchoTell() => _harness.Run(index => _floor.TellEchoAsync(index, _harness.ShareOf(ActorRequests, index)).GetAwaiter().GetResult());

    /// <summary>The owner's request/response: GetCount by await Ask.</summary>
    [Benchmark(OperationsPerInvoke = ActorRequests), BenchmarkCategory(RequestResponse)]
    public void ActorGetCountAsk() => _harness.Run(index => GetCountByAskAsync(_harness.ShareOf(ActorRequests, index)).GetAwaiter().GetResult());

    /// <summary>GetCount by Tell to the thread's long-lived receiver, awaited: no temporary actor per request.</summary>
    [Benchmark(OperationsPerInvoke = ActorRequests), BenchmarkCategory(RequestResponse)]
    public void ActorGetCountTell() => _harness.Run(index => GetCountByTellAsync(_receivers[index], _harness.ShareOf(ActorRequests, index)).GetAwaiter().GetResult());

    private async Task<long> GetCountByAskAsync(int requests)
    {
        long last = 0;
        for (int i = 0; i < requests; i++)
        {
            last = (await _actor.Ask<CounterProtocol.Count>(CounterProtocol.GetCount.Instance, EchoFloor.Timeout).ConfigureAwait(false)).Value;
        }

        return last;
    }

    private async Task<long> GetCountByTellAsync(ReplyReceiver receiver, int requests)
    {
        long last = 0;
        for (int i = 0; i < requests; i++)
        {
            last = ((CounterProtocol.Count)await receiver.RequestAsync(_actor, CounterProtocol.GetCount.Instance, 0).ConfigureAwait(false)).Value;
        }

        return last;
    }

    private void IncrementEverywhere(ICounter counter) => _pinned.Run(index =>
    {
        for (int i = _pinned.ShareOf(Increments, index); i > 0; i--)
        {
            counter.Increment();
        }
    });
}
