using ActorConcurrency.Actors.Counters;
using ActorConcurrency.Actors.Hosting;
using ActorConcurrency.Actors.ShardedCounters;
using ActorConcurrency.Bench.Harness;
using ActorConcurrency.SharedState.ShardedCounters;
using Akka.Actor;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace ActorConcurrency.Bench.ShardedCounters;

/// <summary>
/// Task 19: what an increment and a total read cost, from one shared <see cref="Interlocked"/> cell (the
/// baseline of both groups) to sharded persistent entities on a one-node cluster. Shared-memory forms run
/// on every core (<see cref="ParallelHarness"/>); the actor forms are driven by one client. Sharded
/// increments travel in batches of <see cref="Batch"/> with a window of <see cref="Window"/> unacknowledged
/// batches (<see cref="AcknowledgedIncrements"/>), each batch persisted before its acknowledgement, so their
/// per-increment figure is "per increment, batched": divide by <see cref="Batch"/> for the cost of one
/// persisted message. A total read covers <see cref="Keys"/> counters (scatter–gather for the actors).
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class ShardedCounterBenchmarks
{
    /// <summary>Increments per invocation for the in-process forms.</summary>
    public const int Increments = 200_000;

    /// <summary>Increments per invocation for the sharded forms (their journal makes them slower).</summary>
    public const int ShardedIncrements = 20_000;

    /// <summary>Increments per sharded message.</summary>
    public const int Batch = 100;

    /// <summary>Unacknowledged batches in flight.</summary>
    public const int Window = 32;

    /// <summary>
    /// Total reads per invocation for the in-process forms. One read of the cell is a single load, below the
    /// timer's resolution and no larger than the per-invocation overhead BenchmarkDotNet subtracts: read once per
    /// invocation, the baseline came out at 0 ns and the group had no ratios at all.
    /// </summary>
    public const int Reads = 1_000;

    /// <summary>Counters (actors or entities) a total covers.</summary>
    public const int Keys = 10;

    private static readonly string[] KeyNames = Enumerable.Range(0, Keys).Select(i => $"bench-{i}").ToArray();

    private ParallelHarness _harness = null!;
    private long _cell;
    private StripedCounter _striped = null!;
    private ActorSystem? _local;
    private IActorRef[] _actors = [];
    private ShardedCounterNode? _inMemory;
    private ShardedCounterNode? _sqlite;
    private string? _sqliteFolder;
    private MonotonicTotalReader? _inMemoryReader;
    private MonotonicTotalReader? _sqliteReader;

    [GlobalSetup]
    public void Setup()
    {
        _harness = new ParallelHarness(Environment.ProcessorCount, pinned: true);
        _striped = StripedCounter.PerCore();
        _striped.Add(1);
    }

    [GlobalSetup(Targets = [nameof(LocalActorsIncrement), nameof(LocalActorsTotal)])]
    public void SetupLocalActors()
    {
        Setup();
        _local = ActorSystem.Create("bench-sharded-local", HoconConfig.Base);
        _actors = Enumerable.Range(0, Keys).Select(_ => _local.ActorOf(CounterActor.Props())).ToArray();
    }

    [GlobalSetup(Targets = [nameof(ShardedInMemoryIncrement), nameof(ShardedInMemoryTotal)])]
    public void SetupInMemory()
    {
        Setup();
        _inMemory = ShardedCounterNode.StartAsync(new ShardedCounterNodeOptions { Journal = JournalKind.InMemory }).GetAwaiter().GetResult();
        _inMemoryReader = new MonotonicTotalReader(_inMemory.Region, KeyNames, TimeSpan.FromSeconds(30));
        _inMemoryReader.ReadAsync().GetAwaiter().GetResult(); // entities created before timing
    }

    [GlobalSetup(Targets = [nameof(ShardedSqliteIncrement), nameof(ShardedSqliteTotal)])]
    public void SetupSqlite()
    {
        Setup();
        _sqliteFolder = Path.Combine(Path.GetTempPath(), "actorconcurrency-bench-" + Guid.NewGuid().ToString("N")[..8]);
        _sqlite = ShardedCounterNode.StartAsync(new ShardedCounterNodeOptions { DataFolder = _sqliteFolder }).GetAwaiter().GetResult();
        _sqliteReader = new MonotonicTotalReader(_sqlite.Region, KeyNames, TimeSpan.FromSeconds(30));
        _sqliteReader.ReadAsync().GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _harness.Dispose();
        _local?.Terminate().Wait();
        _inMemory?.DisposeAsync().AsTask().Wait();
        _sqlite?.DisposeAsync().AsTask().Wait();
        if (_sqliteFolder is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(_sqliteFolder, recursive: true);
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Increments), BenchmarkCategory("Increment")]
    public void InterlockedCellIncrement() =>
        _harness.Run(i =>
        {
            for (int n = _harness.ShareOf(Increments, i); n > 0; n--)
            {
                Interlocked.Increment(ref _cell);
            }
        });

    [Benchmark(OperationsPerInvoke = Increments), BenchmarkCategory("Increment")]
    public void StripedIncrement() =>
        _harness.Run(i =>
        {
            for (int n = _harness.ShareOf(Increments, i); n > 0; n--)
            {
                _striped.Add(1);
            }
        });

    [Benchmark(OperationsPerInvoke = Increments), BenchmarkCategory("Increment")]
    public long LocalActorsIncrement()
    {
        for (int n = 0; n < Increments; n++)
        {
            _actors[n % Keys].Tell(CounterProtocol.Increment.Instance);
        }

        return LocalActorsTotal(); // waits until every actor has processed its increments (FIFO per sender)
    }

    [Benchmark(OperationsPerInvoke = ShardedIncrements), BenchmarkCategory("Increment")]
    public long ShardedInMemoryIncrement() =>
        AcknowledgedIncrements.SendAsync(_inMemory!.Region, KeyNames, ShardedIncrements, Batch, Window, TimeSpan.FromSeconds(60)).GetAwaiter().GetResult().Acknowledged;

    [Benchmark(OperationsPerInvoke = ShardedIncrements), BenchmarkCategory("Increment")]
    public long ShardedSqliteIncrement() =>
        AcknowledgedIncrements.SendAsync(_sqlite!.Region, KeyNames, ShardedIncrements, Batch, Window, TimeSpan.FromSeconds(60)).GetAwaiter().GetResult().Acknowledged;

    [Benchmark(Baseline = true, OperationsPerInvoke = Reads), BenchmarkCategory("TotalRead")]
    public long InterlockedCellTotal()
    {
        long sum = 0;
        for (int n = 0; n < Reads; n++)
        {
            sum += Volatile.Read(ref _cell);
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Reads), BenchmarkCategory("TotalRead")]
    public long StripedPlainTotal()
    {
        long sum = 0;
        for (int n = 0; n < Reads; n++)
        {
            sum += _striped.Sum();
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Reads), BenchmarkCategory("TotalRead")]
    public long StripedSnapshotTotal()
    {
        long sum = 0;
        for (int n = 0; n < Reads; n++)
        {
            sum += _striped.SnapshotSum();
        }

        return sum;
    }

    [Benchmark, BenchmarkCategory("TotalRead")]
    public long LocalActorsTotal()
    {
        Task<CounterProtocol.Count>[] asks = _actors.Select(a => a.Ask<CounterProtocol.Count>(CounterProtocol.GetCount.Instance, TimeSpan.FromSeconds(30))).ToArray();
        return Task.WhenAll(asks).GetAwaiter().GetResult().Sum(c => c.Value);
    }

    [Benchmark, BenchmarkCategory("TotalRead")]
    public long ShardedInMemoryTotal() => _inMemoryReader!.ReadAsync().GetAwaiter().GetResult().Total;

    [Benchmark, BenchmarkCategory("TotalRead")]
    public long ShardedSqliteTotal() => _sqliteReader!.ReadAsync().GetAwaiter().GetResult().Total;
}
