using System.Reflection;
using ActorConcurrency.RaceDetector.Tracking;
using ActorConcurrency.RaceMode.Loading;
using ActorConcurrency.RaceMode.Runtime;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace ActorConcurrency.Bench.RaceMode;

/// <summary>
/// Issue 13: what race mode costs. Each category runs one <see cref="RaceModeWorkloads"/> workload as compiled
/// (the baseline) and its rewritten copy under a race-mode session (a fresh session per invocation, as a program
/// run under race mode; the detector with <see cref="RaceDetectorOptions.FastPath"/>: no stacks, no edge log).
/// "Access" is the checked plain access against the unchecked one; the others are whole workloads. Go's race
/// detector costs 2-20x time and 5-10x memory; the target here is at most 20x time and 10x allocated memory.
/// </summary>
[MemoryDiagnoser]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class RaceModeBenchmarks
{
    private RaceSandbox _sandbox = null!;
    private Action _fieldReads = null!;
    private Action _lockedCounter = null!;
    private Action _lru = null!;
    private Action _ring = null!;
    private Action _lockedDictionary = null!;
    private Action _concurrentDictionary = null!;

    [GlobalSetup]
    public void Setup()
    {
        _sandbox = RaceSandbox.Create(typeof(RaceModeWorkloads).Assembly, typeof(SharedState.Counters.MonitorCounter).Assembly);
        Type rewritten = _sandbox.Load(typeof(RaceModeWorkloads).Assembly.GetName().Name!).GetType(typeof(RaceModeWorkloads).FullName!, throwOnError: true)!;
        _fieldReads = Bind(rewritten, nameof(RaceModeWorkloads.FieldReads));
        _lockedCounter = Bind(rewritten, nameof(RaceModeWorkloads.LockedCounter));
        _lru = Bind(rewritten, nameof(RaceModeWorkloads.Lru));
        _ring = Bind(rewritten, nameof(RaceModeWorkloads.Ring));
        _lockedDictionary = Bind(rewritten, nameof(RaceModeWorkloads.LockedDictionary));
        _concurrentDictionary = Bind(rewritten, nameof(RaceModeWorkloads.ConcurrentDictionary));
    }

    [GlobalCleanup]
    public void Cleanup() => _sandbox.Dispose();

    [Benchmark(Baseline = true, OperationsPerInvoke = RaceModeWorkloads.Accesses), BenchmarkCategory("Access")]
    public void UncheckedAccess() => RaceModeWorkloads.FieldReads();

    [Benchmark(OperationsPerInvoke = RaceModeWorkloads.Accesses), BenchmarkCategory("Access")]
    public RaceRun CheckedAccess() => RaceSession.Run(_fieldReads, RaceDetectorOptions.FastPath);

    [Benchmark(Baseline = true), BenchmarkCategory("Counter")]
    public void CounterNormal() => RaceModeWorkloads.LockedCounter();

    [Benchmark, BenchmarkCategory("Counter")]
    public RaceRun CounterRaceMode() => RaceSession.Run(_lockedCounter, RaceDetectorOptions.FastPath);

    [Benchmark(Baseline = true), BenchmarkCategory("Lru")]
    public void LruNormal() => RaceModeWorkloads.Lru();

    [Benchmark, BenchmarkCategory("Lru")]
    public RaceRun LruRaceMode() => RaceSession.Run(_lru, RaceDetectorOptions.FastPath);

    [Benchmark(Baseline = true), BenchmarkCategory("Ring")]
    public void RingNormal() => RaceModeWorkloads.Ring();

    [Benchmark, BenchmarkCategory("Ring")]
    public RaceRun RingRaceMode() => RaceSession.Run(_ring, RaceDetectorOptions.FastPath);

    [Benchmark(Baseline = true), BenchmarkCategory("LockedDictionary")]
    public void LockedDictionaryNormal() => RaceModeWorkloads.LockedDictionary();

    [Benchmark, BenchmarkCategory("LockedDictionary")]
    public RaceRun LockedDictionaryRaceMode() => RaceSession.Run(_lockedDictionary, RaceDetectorOptions.FastPath);

    [Benchmark(Baseline = true), BenchmarkCategory("ConcurrentDictionary")]
    public void ConcurrentDictionaryNormal() => RaceModeWorkloads.ConcurrentDictionary();

    [Benchmark, BenchmarkCategory("ConcurrentDictionary")]
    public RaceRun ConcurrentDictionaryRaceMode() => RaceSession.Run(_concurrentDictionary, RaceDetectorOptions.FastPath);

    private static Action Bind(Type type, string name) =>
        type.GetMethod(name, BindingFlags.Public | BindingFlags.Static)!.CreateDelegate<Action>();
}
