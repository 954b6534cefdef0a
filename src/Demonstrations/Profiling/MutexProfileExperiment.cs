using System.Diagnostics;
using ActorConcurrency.Actors.Profiling;
using ActorConcurrency.SharedState.Profiling;
using Akka.Actor;

namespace ActorConcurrency.Demonstrations.Profiling;

/// <summary>
/// Task 16: the mutex profile. Each section runs one pool under the in-process <see cref="ContentionProfiler"/> (fed by
/// the runtime's contention events and <see cref="Monitor.LockContentionCount"/>): the worker pool with one
/// lock-protected statistics structure, the refactored pool (per-worker statistics merged at the end), and the actor
/// form (a router pool reporting to a statistics actor). The host prints each section's table as it finishes.
/// </summary>
public static class MutexProfileExperiment
{
    /// <summary>What the profile calls the work channel's internal lock (see <see cref="WorkerPool.WorkChannelLock"/>).</summary>
    public const string WorkChannelLockName = "work channel (BoundedChannel queue lock)";

    private static readonly TimeSpan FlushTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Runs the worker pool in <paramref name="mode"/> under the profiler.</summary>
    public static async Task<PoolProfile> ProfilePoolAsync(MutexProfileSettings settings, StatsMode mode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        var pool = new WorkerPool(settings.Workers, mode);
        using var profiler = ContentionProfiler.Start();
        profiler.Name(pool.StatsLock);
        if (pool.WorkChannelLock is { } channelLock)
        {
            profiler.Name(channelLock, WorkChannelLockName);
        }

        WorkerPoolResult result = await pool.RunAsync(settings.Duration, cancellationToken).ConfigureAwait(false);
        ContentionReport report = await profiler.StopAsync(FlushTimeout, cancellationToken).ConfigureAwait(false);
        return new PoolProfile(pool.StatsLock.Name, report, result.Submitted, result.Stats.Jobs, result.Submitted / result.Elapsed.TotalSeconds);
    }

    /// <summary>Runs a router pool of workers reporting to one stats actor under the profiler.</summary>
    public static async Task<PoolProfile> ProfileActorPoolAsync(MutexProfileSettings settings, ActorSystem system, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        TimeSpan duration = settings.Duration;
        const int Window = 4096; // jobs in flight at most, so the producer cannot flood the mailboxes
        IActorRef stats = system.ActorOf(StatsActor.Props());
        IActorRef router = system.ActorOf(WorkerRouterPool.Props(settings.Workers, stats));
        try
        {
            using var profiler = ContentionProfiler.Start();
            var watch = Stopwatch.StartNew();
            long sent = 0;
            while (watch.Elapsed < duration && !cancellationToken.IsCancellationRequested)
            {
                for (int i = 0; i < Window / 4; i++)
                {
                    router.Tell(new WorkerPoolProtocol.Job(sent++));
                }

                // Back-pressure: wait until all but one window of jobs has been recorded.
                await stats.Ask<WorkerPoolProtocol.StatsSnapshot>(
                    new WorkerPoolProtocol.WhenRecorded(Math.Max(0, sent - Window)), TimeSpan.FromSeconds(30), cancellationToken).ConfigureAwait(false);
            }

            var snapshot = await stats.Ask<WorkerPoolProtocol.StatsSnapshot>(
                new WorkerPoolProtocol.WhenRecorded(sent), TimeSpan.FromSeconds(30), cancellationToken).ConfigureAwait(false);
            watch.Stop();
            ContentionReport report = await profiler.StopAsync(FlushTimeout, cancellationToken).ConfigureAwait(false);
            return new PoolProfile(null, report, sent, snapshot.Jobs, sent / watch.Elapsed.TotalSeconds);
        }
        finally
        {
            system.Stop(router);
            system.Stop(stats);
        }
    }
}
