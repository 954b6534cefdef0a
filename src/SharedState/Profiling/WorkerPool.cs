using System.Diagnostics;
using System.Reflection;
using System.Threading.Channels;

namespace ActorConcurrency.SharedState.Profiling;

/// <summary>
/// Task 16, shared-memory form: N workers draining a bounded <see cref="Channel{T}"/> of job ids, each
/// recording what it did into statistics. With <see cref="StatsMode.SharedLock"/> every job takes the one
/// <see cref="StatsLock"/>, so the workers queue on it; with <see cref="StatsMode.PerWorker"/> each worker
/// fills its own <see cref="JobStats"/> and takes the lock once, to merge, when the channel is drained.
/// </summary>
public sealed class WorkerPool
{
    /// <summary>Jobs in flight at most: the producer waits when the workers fall behind.</summary>
    public const int ChannelCapacity = 1024;

    private readonly int _workers;
    private readonly StatsMode _mode;
    private readonly JobStats _stats = new();
    private readonly Channel<long> _channel = Channel.CreateBounded<long>(new BoundedChannelOptions(ChannelCapacity)
    {
        SingleWriter = true,
        FullMode = BoundedChannelFullMode.Wait,
    });

    /// <summary>Creates a pool of <paramref name="workers"/> workers recording in <paramref name="mode"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="workers"/> is below 1.</exception>
    public WorkerPool(int workers, StatsMode mode)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workers, 1);
        _workers = workers;
        _mode = mode;
        StatsLock = new NamedLock(mode == StatsMode.SharedLock ? "worker-pool stats (per job)" : "worker-pool stats (merge per worker)");
    }

    /// <summary>The lock that guards the pool's statistics; name it in a <see cref="ContentionProfiler"/>.</summary>
    public NamedLock StatsLock { get; }

    /// <summary>
    /// The object the work channel locks on every write and read: a bounded channel guards its queue with
    /// <c>lock</c> on its private item deque, so once the stats lock is gone, this is where the workers and the
    /// producer meet. Found by reflection (null if a runtime names the field otherwise); give it to
    /// <see cref="ContentionProfiler.Name(object, string)"/>, which pins it while it profiles.
    /// </summary>
    public object? WorkChannelLock =>
        _channel.GetType().GetField("_items", BindingFlags.Instance | BindingFlags.NonPublic)?.GetValue(_channel);

    /// <summary>
    /// Feeds jobs for <paramref name="duration"/> (or until <paramref name="cancellationToken"/>), waits for the
    /// workers to drain the channel and returns what they recorded. A pool runs once.
    /// </summary>
    public async Task<WorkerPoolResult> RunAsync(TimeSpan duration, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(duration, TimeSpan.Zero);
        Channel<long> channel = _channel;
        var watch = Stopwatch.StartNew();
        Task[] workers = Enumerable.Range(0, _workers)
            .Select(_ => Task.Run(() => WorkAsync(channel.Reader), CancellationToken.None))
            .ToArray();

        long submitted = 0;
        try
        {
            // At least one job, however late this thread gets a core: a run on a loaded machine still measures something.
            do
            {
                await channel.Writer.WriteAsync(submitted, cancellationToken).ConfigureAwait(false);
                submitted++;
            }
            while (watch.Elapsed < duration && !cancellationToken.IsCancellationRequested);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stop producing; the workers still drain what was written, so no job is lost.
        }
        finally
        {
            channel.Writer.Complete();
        }

        await Task.WhenAll(workers).ConfigureAwait(false);
        watch.Stop();
        lock (StatsLock.Gate)
        {
            Debug.Assert(_stats.Jobs == submitted, "every job written is recorded once");
            return new WorkerPoolResult(submitted, _stats, watch.Elapsed);
        }
    }

    private async Task WorkAsync(ChannelReader<long> jobs)
    {
        JobStats? own = _mode == StatsMode.PerWorker ? new JobStats() : null;
        while (await jobs.WaitToReadAsync().ConfigureAwait(false))
        {
            while (jobs.TryRead(out long id))
            {
                long started = Stopwatch.GetTimestamp();
                int kind = JobWork.Execute(id);
                long latency = Stopwatch.GetTimestamp() - started;
                if (own is not null)
                {
                    own.Record(kind, latency);
                }
                else
                {
                    // The hot path of the unrefactored pool: every job of every worker serialises here.
                    lock (StatsLock.Gate)
                    {
                        _stats.Record(kind, latency);
                    }
                }
            }
        }

        if (own is not null)
        {
            lock (StatsLock.Gate)
            {
                _stats.Merge(own);
            }
        }
    }
}
