using ActorConcurrency.RaceDetector.Sync;
using ActorConcurrency.RaceDetector.Tracking;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace ActorConcurrency.Bench.HappensBefore;

/// <summary>
/// Task 20 / the race detector: what tracking costs on one thread, per operation, against the same
/// untracked operation. "Read" and "Write" are FastTrack's same-epoch fast path (a loop touching a
/// variable between synchronisations); "ReadShared" reads a variable already in the read-shared state
/// (vector-clock reads); "LockUnlock" is a tracked mutex against <c>lock</c> and against the
/// <see cref="SemaphoreSlim"/> the tracked mutex excludes with; "LockedIncrement" is a whole critical
/// section, where every access takes the slow path because each acquire starts a new epoch; "RawField" is
/// race mode's path — look up the shadow location of a real object's field (weakly keyed) and check a
/// same-epoch read — against the plain load; "AtomicAdd" is a tracked atomic add (a read-modify-write:
/// acquire, check against plain accesses, release) against <see cref="Interlocked.Add(ref long, long)"/>. The detector
/// runs with <see cref="RaceDetectorOptions.FastPath"/> (no stacks, no edge log). Target: a fast-path
/// access under 100 ns and allocation-free.
/// </summary>
[MemoryDiagnoser]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class RaceDetectorBenchmarks
{
    /// <summary>Operations per invocation.</summary>
    public const int Operations = 1_000;

    private readonly object _monitor = new();
    private readonly SemaphoreSlim _semaphore = new(1, 1);
    private int _plain;
    private VectorClockDetector _detector = null!;
    private LogicalThread _main = null!;
    private TrackedVariable<int> _variable = null!;
    private TrackedVariable<int> _shared = null!;
    private TrackedMutex _mutex = null!;
    private TrackedAtomic<long> _atomic = null!;
    private readonly FieldOwner _owner = new();
    private long _plainLong;

    /// <summary>A real object whose field race mode would track.</summary>
    private sealed class FieldOwner
    {
        public int Value = 1;
    }

    [GlobalSetup]
    public void Setup()
    {
        _detector = new VectorClockDetector(RaceDetectorOptions.FastPath);
        _main = _detector.CreateRoot("bench");
        using (_main.Enter())
        {
            _variable = new TrackedVariable<int>(_detector, "variable");
            _shared = new TrackedVariable<int>(_detector, "shared");
            _mutex = new TrackedMutex(_detector, "mutex");
            _atomic = new TrackedAtomic<long>(_detector, "atomic");

            // Two concurrent readers put _shared in the read-shared state; joining them does not undo it.
            ForkedThread r1 = _detector.Go("reader-1", () => _ = _shared.Read());
            ForkedThread r2 = _detector.Go("reader-2", () => _ = _shared.Read());
            r1.Join();
            r2.Join();
            _variable.Write(1);
            _ = _variable.Read();
            _ = _shared.Read();
            _detector.Locations.Field(_owner, 0, "FieldOwner.Value").Read(_main, "Setup", "bench", 0);
            _atomic.Add(1);
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _semaphore.Dispose();

    [Benchmark(Baseline = true, OperationsPerInvoke = Operations), BenchmarkCategory("Read")]
    public int UntrackedRead()
    {
        int sum = 0;
        for (int i = 0; i < Operations; i++)
        {
            sum += Volatile.Read(ref _plain);
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Operations), BenchmarkCategory("Read")]
    public int TrackedRead()
    {
        int sum = 0;
        using (_main.Enter())
        {
            for (int i = 0; i < Operations; i++)
            {
                sum += _variable.Read();
            }
        }

        return sum;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Operations), BenchmarkCategory("Write")]
    public void UntrackedWrite()
    {
        for (int i = 0; i < Operations; i++)
        {
            Volatile.Write(ref _plain, i);
        }
    }

    [Benchmark(OperationsPerInvoke = Operations), BenchmarkCategory("Write")]
    public void TrackedWrite()
    {
        using (_main.Enter())
        {
            for (int i = 0; i < Operations; i++)
            {
                _variable.Write(i);
            }
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Operations), BenchmarkCategory("ReadShared")]
    public int UntrackedReadOfSharedData()
    {
        int sum = 0;
        for (int i = 0; i < Operations; i++)
        {
            sum += Volatile.Read(ref _plain);
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Operations), BenchmarkCategory("ReadShared")]
    public int TrackedReadOfReadSharedVariable()
    {
        int sum = 0;
        using (_main.Enter())
        {
            for (int i = 0; i < Operations; i++)
            {
                sum += _shared.Read();
            }
        }

        return sum;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Operations), BenchmarkCategory("LockUnlock")]
    public void MonitorLockUnlock()
    {
        for (int i = 0; i < Operations; i++)
        {
            lock (_monitor)
            {
                _plain++;
            }
        }
    }

    [Benchmark(OperationsPerInvoke = Operations), BenchmarkCategory("LockUnlock")]
    public void SemaphoreSlimWaitRelease()
    {
        for (int i = 0; i < Operations; i++)
        {
            _semaphore.Wait();
            _plain++;
            _semaphore.Release();
        }
    }

    [Benchmark(OperationsPerInvoke = Operations), BenchmarkCategory("LockUnlock")]
    public void TrackedMutexLockUnlock()
    {
        using (_main.Enter())
        {
            for (int i = 0; i < Operations; i++)
            {
                _mutex.Lock();
                _plain++;
                _mutex.Unlock();
            }
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Operations), BenchmarkCategory("LockedIncrement")]
    public void MonitorLockedIncrement()
    {
        for (int i = 0; i < Operations; i++)
        {
            lock (_monitor)
            {
                _plain = _plain + 1;
            }
        }
    }

    [Benchmark(OperationsPerInvoke = Operations), BenchmarkCategory("LockedIncrement")]
    public void TrackedLockedIncrement()
    {
        using (_main.Enter())
        {
            for (int i = 0; i < Operations; i++)
            {
                _mutex.Lock();
                _variable.Write(_variable.Read() + 1); // a new epoch after each Lock: both accesses take the slow path
                _mutex.Unlock();
            }
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Operations), BenchmarkCategory("RawField")]
    public int UntrackedFieldRead()
    {
        int sum = 0;
        for (int i = 0; i < Operations; i++)
        {
            sum += Volatile.Read(ref _owner.Value);
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Operations), BenchmarkCategory("RawField")]
    public int RawFieldLookupAndRead()
    {
        int sum = 0;
        using (_main.Enter())
        {
            for (int i = 0; i < Operations; i++)
            {
                _detector.Locations.Field(_owner, 0, "FieldOwner.Value").Read(_main, nameof(RawFieldLookupAndRead), "bench", 1);
                sum += _owner.Value;
            }
        }

        return sum;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Operations), BenchmarkCategory("AtomicAdd")]
    public long InterlockedAdd()
    {
        long last = 0;
        for (int i = 0; i < Operations; i++)
        {
            last = Interlocked.Add(ref _plainLong, 1);
        }

        return last;
    }

    [Benchmark(OperationsPerInvoke = Operations), BenchmarkCategory("AtomicAdd")]
    public long TrackedAtomicAdd()
    {
        long last = 0;
        using (_main.Enter())
        {
            for (int i = 0; i < Operations; i++)
            {
                last = _atomic.Add(1);
            }
        }

        return last;
    }
}
