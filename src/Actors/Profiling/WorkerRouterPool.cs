using Akka.Actor;
using Akka.Routing;

namespace ActorConcurrency.Actors.Profiling;

/// <summary>
/// Task 16, actor form of the worker pool: a round-robin router pool of <see cref="WorkerActor"/>s, all
/// reporting to one <see cref="StatsActor"/>. The statistics have one owner, so the workers never wait
/// for each other; the cost moves to the owner's mailbox, which is lock-free to enqueue into.
/// </summary>
public static class WorkerRouterPool
{
    /// <summary>The props of a router of <paramref name="workers"/> workers reporting to <paramref name="stats"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="workers"/> is below 1.</exception>
    public static Props Props(int workers, IActorRef stats)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workers, 1);
        ArgumentNullException.ThrowIfNull(stats);
        return WorkerActor.Props(stats).WithRouter(new RoundRobinPool(workers));
    }
}
