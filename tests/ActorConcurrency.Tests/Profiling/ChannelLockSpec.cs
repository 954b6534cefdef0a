using ActorConcurrency.Host.Tasks;
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
        object gate = new(); // not pinned: the profiler matches it by its address when the event arrives
        profiler.Name(gate, "spec: an object nobody pinned");
        await ContendAsync(gate);

        ContentionReport report = await profiler.StopAsync(EventTimeout);

        Assert.True(report.Complete);
        Assert.True(report.For("spec: an object nobody pinned").Contentions >= 1);
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
        long before = Monitor.LockContentionCount;
        Task<WorkerPoolResult> run = Task.Run(() => pool.RunAsync(TimeSpan.FromMilliseconds(50))); // its first write blocks on the held lock
        while (Monitor.LockContentionCount == before)
        {
            await Task.Yield();
        }

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

        string conclusion = Task16MutexProfile.Conclusion(before, after, 300_000, 250_000);

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
            Task16MutexProfile.Conclusion(before, after, 100, 200));
    }

    private static async Task ContendAsync(object gate)
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
        while (Monitor.LockContentionCount == before)
        {
            await Task.Yield();
        }

        release.Set();
        holder.Join();
        waiter.Join();
    }
}
