using ActorConcurrency.SharedState.Profiling;
using ActorConcurrency.Tests.Support;

namespace ActorConcurrency.Tests.Profiling;

/// <summary>
/// Task 16: the in-process contention profiler. Contention is forced with gates — one thread holds a named
/// lock until the profiler has seen a second thread blocked on it — and the runtime's events, which arrive
/// asynchronously, are awaited one by one (bounded), never slept for.
/// </summary>
[Collection(RuntimeEventsCollection.Name)]
public sealed class ContentionProfilerSpec
{
    private static readonly TimeSpan EventTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_thread_blocked_on_a_named_lock_is_reported_under_that_name_with_its_wait()
    {
        using var profiler = ContentionProfiler.Start();
        var named = new NamedLock("spec: held by one thread, wanted by another");
        Task contended = profiler.WhenContended(named);
        Task measured = profiler.WhenWaitMeasured(named);
        long monitorBefore = Monitor.LockContentionCount;
        using var held = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var holder = new Thread(() =>
        {
            lock (named.Gate)
            {
                held.Set();
                release.Wait();
            }
        });
        var waiter = new Thread(() =>
        {
            lock (named.Gate)
            {
            }
        });

        holder.Start();
        held.Wait();
        waiter.Start();
        try
        {
            // The holder does not let go until the runtime has reported the waiter blocked on this very lock.
            await contended.WaitAsync(EventTimeout);
        }
        finally
        {
            release.Set();
            holder.Join();
            waiter.Join();
        }

        await measured.WaitAsync(EventTimeout);
        ContentionReport report = await profiler.StopAsync(EventTimeout);

        LockContention row = report.For(named.Name);
        Assert.Equal(1, row.Contentions);
        Assert.True(row.TotalWait > TimeSpan.Zero, $"wait was {row.TotalWait}");
        Assert.Equal(row.TotalWait, row.MaxWait);
        Assert.True(report.Complete);
        Assert.True(Monitor.LockContentionCount - monitorBefore >= 1);
        Assert.Contains(report.Locks, l => l.Lock == named.Name);
    }

    [Fact]
    public async Task Forced_contention_on_two_locks_is_counted_per_lock()
    {
        using var profiler = ContentionProfiler.Start();
        var hot = new NamedLock("spec: hot");
        var cold = new NamedLock("spec: cold");
        profiler.Name(cold);

        Assert.True(await ContentionProfiler.ForceContentionAsync(hot, profiler, EventTimeout));
        Assert.True(await ContentionProfiler.ForceContentionAsync(hot, profiler, EventTimeout));
        ContentionReport report = await profiler.StopAsync(EventTimeout);

        Assert.True(report.For(hot.Name).Contentions >= 1);
        Assert.Equal(0, report.For(cold.Name).Contentions);
        Assert.DoesNotContain(report.Locks, l => l.Lock == cold.Name);
        Assert.DoesNotContain(report.Locks, l => l.Lock == "profiler flush marker");
    }

    [Fact]
    public void A_named_lock_needs_a_name_and_keeps_its_address()
    {
        Assert.Equal("name", Assert.ThrowsAny<ArgumentException>(() => new NamedLock(" ")).ParamName);
        var named = new NamedLock("x");
        nint before = named.Address;
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        Assert.Equal(before, named.Address); // pinned: the events' object address stays this lock's
    }
}
