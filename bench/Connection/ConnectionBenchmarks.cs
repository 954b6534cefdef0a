using ActorConcurrency.Actors.Connection;
using ActorConcurrency.Actors.Hosting;
using ActorConcurrency.Bench.Harness;
using ActorConcurrency.SharedState.Connection;
using Akka.Actor;
using BenchmarkDotNet.Attributes;

namespace ActorConcurrency.Bench.Connection;

/// <summary>
/// Task 18: the cost of one transition request for the lock form (baseline), the CAS loop and the FSM actor
/// (Ask and wait for the reply, as a caller does), at 1 thread and at <see cref="Environment.ProcessorCount"/>
/// threads on one shared connection. Every thread alternates Connect and ConnectFailed, so the connection
/// loops Idle ⇄ Connecting and never closes; under contention some requests are rejected, which is part of the
/// cost being measured. Results are per request.
/// </summary>
[MemoryDiagnoser]
public class ConnectionBenchmarks
{
    /// <summary>Requests per invocation for the shared-memory forms, over all threads.</summary>
    public const int Requests = 100_000;

    /// <summary>Requests per invocation for the actor (each is a round trip), over all threads.</summary>
    public const int ActorRequests = 5_000;

    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(1);

    private readonly LockedConnection _locked = new();
    private readonly CasConnection _cas = new();
    private ParallelHarness _harness = null!;
    private ActorSystem _system = null!;
    private IActorRef _fsm = null!;

    [ParamsSource(typeof(ThreadCounts), nameof(ThreadCounts.OneAndAllCores))]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _harness = new ParallelHarness(Threads);
        _system = ActorSystem.Create("bench-connection", HoconConfig.Base);
        _fsm = _system.ActorOf(ConnectionFsm.Props(TimeSpan.FromHours(1)));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _harness.Dispose();
        _system.Terminate().Wait();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Requests)]
    public void Lock() => Drive(_locked);

    [Benchmark(OperationsPerInvoke = Requests)]
    public void Cas() => Drive(_cas);

    [Benchmark(OperationsPerInvoke = ActorRequests)]
    public void FsmActor() => _harness.Run(index =>
    {
        for (int i = _harness.ShareOf(ActorRequests, index); i > 0; i--)
        {
            var request = ConnectionProtocol.TransitionRequest.For((i & 1) == 0 ? ConnectionRequest.Connect : ConnectionRequest.ConnectFailed);
            _fsm.Ask<ConnectionProtocol.Reply>(request, Timeout).GetAwaiter().GetResult();
        }
    });

    private void Drive(IConnectionLifecycle connection) => _harness.Run(index =>
    {
        for (int i = _harness.ShareOf(Requests, index); i > 0; i--)
        {
            connection.Request((i & 1) == 0 ? ConnectionRequest.Connect : ConnectionRequest.ConnectFailed);
        }
    });
}
