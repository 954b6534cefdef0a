using ActorConcurrency.Demonstrations.Profiling;
using ActorConcurrency.SharedState.Profiling;
using ActorConcurrency.Tests.Support;

namespace ActorConcurrency.Tests.Profiling;

/// <summary>
/// Task 16 after the refactor: the lock left contended is the work channel's own, and the profile names it
/// (it used to read "unnamed lock 0x7f…"), and the summary's conclusion follows the total wait of every lock.
/// </summary>
[Collection(RuntimeEventsCollection.Name)]
public sealed class ChannelLockSpec
{
    private static readonly TimeSpan EventTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_thread_blocked_on_an_unpinned_named_object_is_reported_under_its_name()
    {
        using var profiler = ContentionProfiler.Start();
        object gate = new(); // not allocated pinned: the profiler pins it when it is named
        profiler.Name(gate, "spec: an object nobody pinned");
        await ContendAsync(gate, profiler.WhenContended(gate));

        ContentionReport report = await profiler.StopAsync(EventTimeout);

        Assert.True(report.Complete);
        Assert.True(report.For("spec: an object nobody pinned").Contentions >= 1);
    }

    [Fact]
    public async Task A_named_object_the_collector_moves_before_its_event_arrives_keeps_its_name()
    {
        // The runtime reports the locked object's address at the time of the contention, and the event arrives
        // later, on the dispatch thread. Hold that thread back and compact the heap before and after the
        // contention: a collector free to move the gate moves it each time, and the event must still be found
        // under the gate's name.
        using var dam = new EventDam(EventTimeout);
        using var profiler = ContentionProfiler.Start();
        object[] below = Garbage(); // allocated before the gate, so a compaction has room to slide the gate down
        object gate = new();
        object[] belowAfterFirstMove = Garbage();
        profiler.Name(gate, "spec: an object the collector moves");
        GC.KeepAlive(below);
        below = [];
        Compact(); // would move the gate away from where it was named

        Assert.True(dam.Close(), "the runtime's dispatch thread never reached the dam");
        try
        {
            // The event carries the gate's address now and waits behind the dam, so the profiler cannot tell us
            // the waiter is blocked: the waiter's own state does (it does nothing but take the gate).
            await ContendAsync(gate, blocked: null);
            GC.KeepAlive(belowAfterFirstMove);
            belowAfterFirstMove = [];
            Compact(); // would move the gate away from that address before the event is delivered
        }
        finally
        {
            dam.Open();
        }

        ContentionReport report = await profiler.StopAsync(EventTimeout);

        Assert.True(report.Complete);
        Assert.True(report.For("spec: an object the collector moves").Contentions >= 1, string.Join("; ", report.Locks.Select(l => $"{l.Lock}: {l.Contentions}")));
    }

    [Fact]
    public async Task The_work_channel_lock_is_the_lock_the_pool_takes_to_hand_out_jobs()
    {
        var pool = new WorkerPool(2, StatsMode.PerWorker);
        object channelLock = Assert.IsType<object>(pool.WorkChannelLock, exactMatch: false);
        using var profiler = ContentionProfiler.Start();
        profiler.Name(channelLock, "work channel");

        // Hold the channel's lock: the producer's first write must wait for it, so the profile sees the channel contended.
        using var held = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var holder = new Thread(() =>
        {
            lock (channelLock)
            {
                held.Set();
                release.Wait();
            }
        });
        holder.Start();
        held.Wait();
        // Not Monitor.LockContentionCount: it counts every lock in the process, and any other contention (the thread
        // pool's, a timer's) would let the holder go before the producer ever waited for the channel.
        Task contended = profiler.WhenContended(channelLock);
        Task<WorkerPoolResult> run = Task.Run(() => pool.RunAsync(TimeSpan.FromMilliseconds(50))); // its first write blocks on the held lock
        await contended.WaitAsync(EventTimeout);

        release.Set();
        holder.Join();
        WorkerPoolResult result = await run;
        ContentionReport report = await profiler.StopAsync(EventTimeout);

        Assert.Equal(result.Submitted, result.Stats.Jobs);
        Assert.True(report.For("work channel").Contentions >= 1, string.Join("; ", report.Locks.Select(l => $"{l.Lock}: {l.Contentions}")));
    }

    [Fact]
    public void The_conclusion_says_when_the_total_wait_did_not_fall_and_where_it_went()
    {
        var before = new ContentionReport([new LockContention("stats", 136, TimeSpan.FromMilliseconds(78.9), TimeSpan.FromMilliseconds(5))], 136, TimeSpan.FromSeconds(1), true);
        var after = new ContentionReport(
            [new LockContention("work channel", 113, TimeSpan.FromMilliseconds(389.7), TimeSpan.FromMilliseconds(40)), new LockContention("stats", 2, TimeSpan.FromMilliseconds(3.9), TimeSpan.FromMilliseconds(2))],
            115, TimeSpan.FromSeconds(1), true);

        string conclusion = MutexProfileResult.Conclude(before, after, 300_000, 250_000);

        Assert.StartsWith("The refactor did not cut the total lock wait: 78.9 ms before, 393.6 ms after", conclusion);
        Assert.Contains("most of the wait is on work channel (389.7 ms)", conclusion);
        Assert.Contains("300,000 -> 250,000 jobs/s (0.83x", conclusion);
    }

    [Fact]
    public void The_conclusion_reports_the_cut_when_the_total_wait_fell()
    {
        var before = new ContentionReport([new LockContention("stats", 10, TimeSpan.FromMilliseconds(300), TimeSpan.FromMilliseconds(50))], 10, TimeSpan.FromSeconds(1), true);
        var after = new ContentionReport([], 0, TimeSpan.FromSeconds(1), true);

        Assert.StartsWith("The refactor cut the total lock wait from 300.0 ms to 0.0 ms (100% less); afterwards no lock was contended",
            MutexProfileResult.Conclude(before, after, 100, 200));
    }

    private static object[] Garbage() => Enumerable.Range(0, 10_000).Select(_ => new object()).ToArray();

    private static void Compact() => GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);

    /// <summary>
    /// One thread holds <paramref name="gate"/> until a second is blocked on it. That it is blocked is known from
    /// <paramref name="blocked"/> (the profiler's view of this very object) or, when the events are held back, from
    /// the waiter's own state; never from <see cref="Monitor.LockContentionCount"/>, which any lock in the process
    /// moves, so the holder could let go before the waiter ever waited.
    /// </summary>
    private static async Task ContendAsync(object gate, Task? blocked)
    {
        using var held = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var holder = new Thread(() =>
        {
            lock (gate)
            {
                held.Set();
                release.Wait();
            }
        });
        var waiter = new Thread(() =>
        {
            lock (gate)
            {
            }
        });
        holder.Start();
        held.Wait();
        long before = Monitor.LockContentionCount;
        waiter.Start();
        try
        {
            if (blocked is not null)
            {
                await blocked.WaitAsync(EventTimeout);
            }
            else
            {
                // Blocked in Monitor.Enter: waiting, and the runtime counted (and reported) the contention first.
                while ((waiter.ThreadState & ThreadState.WaitSleepJoin) == 0 || Monitor.LockContentionCount == before)
                {
                    await Task.Yield();
                }
            }
        }
        finally
        {
            release.Set();
            holder.Join();
            waiter.Join();
        }
    }
}
