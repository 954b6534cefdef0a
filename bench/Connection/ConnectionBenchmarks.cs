using ActorConcurrency.Actors.Connection;
using ActorConcurrency.Actors.Hosting;
using ActorConcurrency.Bench.Harness;
using ActorConcurrency.SharedState.Connection;
using ActorConcurrency.Bench.ActorFloor;
using Akka.Actor;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace ActorConcurrency.Bench.Connection;

/// <summary>
/// Task 18: the cost of one transition request for the lock form (baseline), the CAS loop and the FSM actor
/// (Ask and wait for the reply, as a caller does), at 1 thread and at <see cref="Environment.ProcessorCount"/>
/// threads on one shared connection. Every thread alternates Connect and ConnectFailed, so the connection
/// loops Idle ⇄ Connecting and never closes; under contention some requests are rejected, which is part of the
/// cost being measured. Results are per request. The <c>RequestResponse</c> category puts the FSM's round
/// trip beside the bare-Akka floor (<see cref="EchoFloor"/>), by <c>Ask</c> and by <c>Tell</c> to a long-lived receiver.
/// </summary>
[MemoryDiagnoser]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class ConnectionBenchmarks
{
    private const string Transition = "Transition";
    private const string RequestResponse = "RequestResponse";

    /// <summary>Requests per invocation for the shared-memory forms, over all threads.</summary>
    public const int Requests = 100_000;

    /// <summary>Requests per invocation for the actor (each is a round trip), over all threads.</summary>
    public const int ActorRequests = 5_000;

    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(1);

    private readonly LockedConnection _locked = new();
    private readonly CasConnection _cas = new();

    /// <summary>Workers for the shared-memory forms, which do their work on the workers themselves: one per core (<see cref="ParallelHarness"/>).</summary>
    private ParallelHarness _pinned = null!;

    /// <summary>Workers for the forms that send to an actor and wait, unpinned as a user would run them.</summary>
    private ParallelHarness _harness = null!;
    private ActorSystem _system = null!;
    private IActorRef _fsm = null!;
    private EchoFloor _floor = null!;
    private ReplyReceiver[] _receivers = null!;

    [ParamsSource(typeof(ThreadCounts), nameof(ThreadCounts.OneAndAllCores))]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _pinned = new ParallelHarness(Threads, pinned: true);
        _harness = new ParallelHarness(Threads);
        _system = ActorSystem.Create("bench-connection", HoconConfig.Base);
        _fsm = _system.ActorOf(ConnectionFsm.Props(TimeSpan.FromHours(1)));
        _floor = new EchoFloor(_system, Threads);
        _receivers = _floor.CreateReceivers(Threads, static reply => reply is ConnectionProtocol.Reply ? 0 : -1);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _floor.Dispose();
        _pinned.Dispose();
        _harness.Dispose();
        _system.Terminate().Wait();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Requests), BenchmarkCategory(Transition)]
    public void Lock() => Drive(_locked);

    [Benchmark(OperationsPerInvoke = Requests), BenchmarkCategory(Transition)]
    public void Cas() => Drive(_cas);

    /// <summary>The FSM by Ask, in the shared-memory forms' category (its cost against a lock).</summary>
    [Benchmark(OperationsPerInvoke = ActorRequests), BenchmarkCategory(Transition)]
    public void FsmActor() => _harness.Run(index =>
    {
        for (int i = _harness.ShareOf(ActorRequests, index); i > 0; i--)
        {
            _fsm.Ask<ConnectionProtocol.Reply>(RequestAt(i), Timeout).GetAwaiter().GetResult();
        }
    });

    /// <summary>The floor: an echo actor by await Ask, one round trip at a time per thread.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = ActorRequests), BenchmarkCategory(RequestResponse)]
    public void FloorEchoAsk() => _harness.Run(index => _floor.AskEchoAsync(_harness.ShareOf(ActorRequests, index)).GetAwaiter().GetResult());

    /// <summary>The floor by Tell: each thread's long-lived receiver gets the echo, matched by correlation id, awaited.</summary>
    [Benchmark(OperationsPerInvoke = ActorRequests), BenchmarkCategory(RequestResponse)]
    public void FloorEchoTell() => _harness.Run(index => _floor.TellEchoAsync(index, _harness.ShareOf(ActorRequests, index)).GetAwaiter().GetResult());

    /// <summary>The FSM's transition request by await Ask, against the floor.</summary>
    [Benchmark(OperationsPerInvoke = ActorRequests), BenchmarkCategory(RequestResponse)]
    public void FsmAsk() => _harness.Run(index => FsmByAskAsync(_harness.ShareOf(ActorRequests, index)).GetAwaiter().GetResult());

    /// <summary>The FSM's transition request by Tell to the thread's long-lived receiver, awaited: no temporary actor per request.</summary>
    [Benchmark(OperationsPerInvoke = ActorRequests), BenchmarkCategory(RequestResponse)]
    public void FsmTell() => _harness.Run(index => FsmByTellAsync(_receivers[index], _harness.ShareOf(ActorRequests, index)).GetAwaiter().GetResult());

    private async Task<int> FsmByAskAsync(int requests)
    {
        int accepted = 0;
        for (int i = requests; i > 0; i--)
        {
            accepted += await _fsm.Ask<ConnectionProtocol.Reply>(RequestAt(i), Timeout).ConfigureAwait(false) is ConnectionProtocol.Accepted ? 1 : 0;
        }

        return accepted;
    }

    private async Task<int> FsmByTellAsync(ReplyReceiver receiver, int requests)
    {
        int accepted = 0;
        for (int i = requests; i > 0; i--)
        {
            accepted += await receiver.RequestAsync(_fsm, RequestAt(i), 0).ConfigureAwait(false) is ConnectionProtocol.Accepted ? 1 : 0;
        }

        return accepted;
    }

    private static ConnectionProtocol.TransitionRequest RequestAt(int i) =>
        ConnectionProtocol.TransitionRequest.For((i & 1) == 0 ? ConnectionRequest.Connect : ConnectionRequest.ConnectFailed);

    private void Drive(IConnectionLifecycle connection) => _pinned.Run(index =>
    {
        for (int i = _pinned.ShareOf(Requests, index); i > 0; i--)
        {
            connection.Request((i & 1) == 0 ? ConnectionRequest.Connect : ConnectionRequest.ConnectFailed);
        }
    });
}
