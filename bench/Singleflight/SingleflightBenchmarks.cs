using ActorConcurrency.Actors.Hosting;
using ActorConcurrency.Bench.ActorFloor;
using ActorConcurrency.Actors.Singleflight;
using ActorConcurrency.SharedState.Singleflight;
using Akka.Actor;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace ActorConcurrency.Bench.Singleflight;

/// <summary>
/// Task 17: the cost of singleflight per caller, for the group (baseline), the Lazy idiom and the coordinator
/// actor, in two groups.
/// <list type="bullet">
/// <item><c>OneCallerPerKey</c>: overhead. <see cref="Keys"/> flights in a row, one caller each, with a compute
/// that has already completed; results are per flight.</item>
/// <item><c>HundredCallersPerKey</c>: suppression. For each of <see cref="SuppressedKeys"/> keys, <see cref="Callers"/>
/// callers join one flight whose compute is held until all of them have joined (for the actor: until it
/// reports them), then released; results are per caller (join + fan-out of the result).</item>
/// <item><c>RequestResponse</c>: the coordinator's lone-caller round trip beside the bare-Akka floor
/// (<see cref="EchoFloor"/>, baseline), by <c>await Ask</c> and by <c>Tell</c> to a long-lived receiver; per flight.</item>
/// </list>
/// </summary>
[MemoryDiagnoser]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class SingleflightBenchmarks
{
    /// <summary>Flights per invocation in the overhead group.</summary>
    public const int Keys = 1_000;

    /// <summary>Callers per key in the suppression group.</summary>
    public const int Callers = 100;

    /// <summary>Keys per invocation in the suppression group.</summary>
    public const int SuppressedKeys = 10;

    private const string OneCallerPerKey = "OneCallerPerKey";
    private const string HundredCallersPerKey = "HundredCallersPerKey";
    private const string RequestResponse = "RequestResponse";

    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(1);
    private static readonly Func<Task<int>> Ready = () => Task.FromResult(1);

    private readonly SingleflightGroup<int, int> _group = new();
    private readonly LazySingleflight<int, int> _lazy = new();
    private ActorSystem _system = null!;
    private IActorRef _coordinator = null!;
    private EchoFloor _floor = null!;
    private ReplyReceiver _receiver = null!;

    [GlobalSetup]
    public void Setup()
    {
        _system = ActorSystem.Create("bench-singleflight", HoconConfig.Base);
        _coordinator = _system.ActorOf(SingleflightCoordinator<int, int>.Props());
        _floor = new EchoFloor(_system, threads: 1);
        _receiver = _floor.CreateReceivers(1, static reply => reply is SingleflightProtocol.Result<int, int> result ? result.Key : -1)[0];
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _floor.Dispose();
        _system.Terminate().Wait();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Keys), BenchmarkCategory(OneCallerPerKey)]
    public Task<int> Group_OneCaller() => OneCallerEachAsync(_group);

    [Benchmark(OperationsPerInvoke = Keys), BenchmarkCategory(OneCallerPerKey)]
    public Task<int> Lazy_OneCaller() => OneCallerEachAsync(_lazy);

    [Benchmark(OperationsPerInvoke = Keys), BenchmarkCategory(OneCallerPerKey)]
    public async Task<int> Actor_OneCaller()
    {
        int sum = 0;
        for (int key = 0; key < Keys; key++)
        {
            sum += (await AskAsync(key, Ready)).Value;
        }

        return sum;
    }

    /// <summary>The floor: an echo actor by await Ask, one round trip at a time.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Keys), BenchmarkCategory(RequestResponse)]
    public Task<long> FloorEchoAsk() => _floor.AskEchoAsync(Keys);

    /// <summary>The floor by Tell to a long-lived receiver, matched by correlation id, each reply awaited.</summary>
    [Benchmark(OperationsPerInvoke = Keys), BenchmarkCategory(RequestResponse)]
    public Task<long> FloorEchoTell() => _floor.TellEchoAsync(0, Keys);

    /// <summary>The coordinator's lone-caller flight by await Ask (the same work as <see cref="Actor_OneCaller"/>).</summary>
    [Benchmark(OperationsPerInvoke = Keys), BenchmarkCategory(RequestResponse)]
    public async Task<int> Actor_AskOneCaller()
    {
        int sum = 0;
        for (int key = 0; key < Keys; key++)
        {
            sum += (await AskAsync(key, Ready)).Value;
        }

        return sum;
    }

    /// <summary>The coordinator's lone-caller flight by Tell to a long-lived receiver (replies matched by key): no temporary actor per request.</summary>
    [Benchmark(OperationsPerInvoke = Keys), BenchmarkCategory(RequestResponse)]
    public async Task<int> Actor_TellOneCaller()
    {
        int sum = 0;
        for (int key = 0; key < Keys; key++)
        {
            object reply = await _receiver.RequestAsync(_coordinator, new SingleflightProtocol.Do<int, int>(key, Ready), key);
            sum += ((SingleflightProtocol.Result<int, int>)reply).Value;
        }

        return sum;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Callers * SuppressedKeys), BenchmarkCategory(HundredCallersPerKey)]
    public Task<int> Group_HundredCallers() => HundredCallersEachAsync(_group);

    [Benchmark(OperationsPerInvoke = Callers * SuppressedKeys), BenchmarkCategory(HundredCallersPerKey)]
    public Task<int> Lazy_HundredCallers() => HundredCallersEachAsync(_lazy);

    [Benchmark(OperationsPerInvoke = Callers * SuppressedKeys), BenchmarkCategory(HundredCallersPerKey)]
    public async Task<int> Actor_HundredCallers()
    {
        int sum = 0;
        var pending = new Task<SingleflightProtocol.Result<int, int>>[Callers];
        for (int key = 0; key < SuppressedKeys; key++)
        {
            var release = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
            Func<Task<int>> compute = () => release.Task;
            for (int caller = 0; caller < Callers; caller++)
            {
                pending[caller] = AskAsync(key, compute);
            }

            // Asked after every Do, so answered after every Do: all callers are registered when it returns.
            var waiting = await _coordinator.Ask<SingleflightProtocol.WaiterCount<int>>(new SingleflightProtocol.GetWaiterCount<int>(key), Timeout);
            ThrowUnless(waiting.Count == Callers, $"{waiting.Count} waiters registered, expected {Callers}");
            release.SetResult(key);
            foreach (var result in await Task.WhenAll(pending))
            {
                sum += result.Value;
            }
        }

        return sum;
    }

    private static async Task<int> OneCallerEachAsync(ISingleflight<int, int> singleflight)
    {
        int sum = 0;
        for (int key = 0; key < Keys; key++)
        {
            sum += (await singleflight.DoAsync(key, Ready)).Value;
        }

        return sum;
    }

    private static async Task<int> HundredCallersEachAsync(ISingleflight<int, int> singleflight)
    {
        int sum = 0;
        var pending = new Task<SingleflightResult<int>>[Callers];
        for (int key = 0; key < SuppressedKeys; key++)
        {
            var release = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
            Func<Task<int>> compute = () => release.Task;
            for (int caller = 0; caller < Callers; caller++)
            {
                pending[caller] = singleflight.DoAsync(key, compute); // joins synchronously
            }

            release.SetResult(key);
            SingleflightResult<int>[] results = await Task.WhenAll(pending);
            ThrowUnless(results.All(r => r.Shared), "a caller of a joined flight was told its value was not shared");
            foreach (SingleflightResult<int> result in results)
            {
                sum += result.Value;
            }
        }

        return sum;
    }

    private static void ThrowUnless(bool condition, string message)
    {
        if (!condition)
        {
            throw new InvalidOperationException(message);
        }
    }

    private Task<SingleflightProtocol.Result<int, int>> AskAsync(int key, Func<Task<int>> compute) =>
        _coordinator.Ask<SingleflightProtocol.Result<int, int>>(new SingleflightProtocol.Do<int, int>(key, compute), Timeout);
}
