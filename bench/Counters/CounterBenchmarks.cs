using ActorConcurrency.Actors.Counters;
using ActorConcurrency.Actors.Hosting;
using ActorConcurrency.Bench.Harness;
using ActorConcurrency.SharedState.Counters;
using Akka.Actor;
using BenchmarkDotNet.Attributes;

namespace ActorConcurrency.Bench.Counters;

/// <summary>
/// Tasks 1–4: the cost of one increment for each fix of the data race, and for the owner actor, at 1 thread
/// and at <see cref="Environment.ProcessorCount"/> threads. Each invocation performs
/// <see cref="Increments"/> increments split across the threads; results are per increment. The racy
/// counter is there for reference (its totals are wrong, its speed is what "no synchronisation" costs).
/// </summary>
[MemoryDiagnoser]
public class CounterBenchmarks
{
    /// <summary>Increments per invocation, over all threads.</summary>
    public const int Increments = 100_000;

    private ParallelHarness _harness = null!;
    private ActorSystem _system = null!;
    private IActorRef _actor = null!;
    private readonly RacyCounter _racy = new();
    private readonly InterlockedCounter _interlocked = new();
    private readonly MonitorCounter _monitor = new();
    private readonly ThreadingLockCounter _lock = new();

    [ParamsSource(typeof(ThreadCounts), nameof(ThreadCounts.OneAndAllCores))]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _harness = new ParallelHarness(Threads);
        _system = ActorSystem.Create("bench-counters", HoconConfig.Base);
        _actor = _system.ActorOf(CounterActor.Props());
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _harness.Dispose();
        _system.Terminate().Wait();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Increments)]
    public void Interlocked() => IncrementEverywhere(_interlocked);

    [Benchmark(OperationsPerInvoke = Increments)]
    public void MonitorLock() => IncrementEverywhere(_monitor);

    [Benchmark(OperationsPerInvoke = Increments)]
    public void ThreadingLock() => IncrementEverywhere(_lock);

    [Benchmark(OperationsPerInvoke = Increments)]
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
    [Benchmark(OperationsPerInvoke = Increments)]
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
    [Benchmark(OperationsPerInvoke = Increments)]
    public void Racy() => IncrementEverywhere(_racy);

    private void IncrementEverywhere(ICounter counter) => _harness.Run(index =>
    {
        for (int i = _harness.ShareOf(Increments, index); i > 0; i--)
        {
            counter.Increment();
        }
    });
}
