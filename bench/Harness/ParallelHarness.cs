using System.Diagnostics;

namespace ActorConcurrency.Bench.Harness;

/// <summary>
/// A fair multi-threaded harness for BenchmarkDotNet, which has no <c>RunParallel</c>. The worker threads
/// are started once, before any timing, and park on a barrier; each <see cref="Run"/> hands them the body,
/// releases them together and returns when the last one is done, so a measured invocation contains the
/// work and two barrier phases, never thread start-up. Use it with <c>OperationsPerInvoke</c> set to the
/// total number of operations all threads perform in one <see cref="Run"/>.
/// A pinned harness keeps worker i on CPU i (with two or more workers), for bodies that do their work on the
/// workers themselves (locks, atomics, shared maps). Unpinned, the scheduler often wakes both workers of a
/// 2-thread run on one core and leaves them there for the whole invocation: they take turns instead of
/// contending, and a row switched between that regime and the contended one every second or so (2-thread
/// <c>Interlocked</c> at 7–10 or 20–28 ns an increment, <c>lock</c> at 23 or 70 ns, within one process).
/// Bodies that only send to actors or channels and wait stay unpinned, as a user would run them.
/// </summary>
public sealed class ParallelHarness : IDisposable
{
    private readonly Thread[] _threads;
    private readonly Barrier _start;
    private readonly Barrier _done;

    /// <summary>The body of the current run; written by the caller before the start barrier, read by workers after it.</summary>
    private Action<int>? _body;
    private volatile bool _disposed;

    /// <summary>
    /// Starts <paramref name="threadCount"/> worker threads, parked until the first <see cref="Run"/>; with
    /// <paramref name="pinned"/> and two or more workers, worker i is pinned to CPU i (see <see cref="PinnedWorkers"/>).
    /// </summary>
    public ParallelHarness(int threadCount, bool pinned = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threadCount, 1);
        ThreadCount = threadCount;
        _start = new Barrier(threadCount + 1);
        _done = new Barrier(threadCount + 1);
        _threads = new Thread[threadCount];
        for (int i = 0; i < threadCount; i++)
        {
            int index = i;
            _threads[i] = new Thread(() => Work(index)) { IsBackground = true, Name = $"bench-worker-{index}" };
            _threads[i].Start();
        }

        if (pinned && threadCount > 1)
        {
            int count = 0;
            Run(index =>
            {
                if (ThreadAffinity.PinCurrentThread(index))
                {
                    Interlocked.Increment(ref count);
                }
            });
            PinnedWorkers = count;
        }
    }

    /// <summary>How many workers are pinned, each to its own CPU (0 when not asked, on one worker, or where pinning is unavailable).</summary>
    public int PinnedWorkers { get; }

    /// <summary>How many worker threads run each body.</summary>
    public int ThreadCount { get; }

    /// <summary>Runs <paramref name="body"/> on every worker (argument: the worker's index) and waits for all.</summary>
    public void Run(Action<int> body)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _body = body;
        _start.SignalAndWait(); // the barrier is a full fence: workers see _body
        _done.SignalAndWait();
    }

    /// <summary>Splits <paramref name="total"/> operations evenly; worker <paramref name="index"/> gets its share.</summary>
    public int ShareOf(int total, int index) => total / ThreadCount + (index < total % ThreadCount ? 1 : 0);

    /// <summary>Stops the workers.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _start.SignalAndWait(); // workers wake, see _disposed and return
        foreach (Thread thread in _threads)
        {
            thread.Join();
        }

        _start.Dispose();
        _done.Dispose();
    }

    private void Work(int index)
    {
        while (true)
        {
            _start.SignalAndWait();
            if (_disposed)
            {
                return;
            }

            Debug.Assert(_body is not null);
            _body(index);
            _done.SignalAndWait();
        }
    }
}
