using System.Diagnostics;
using ActorConcurrency.SharedState.Profiling;
using Akka.Actor;

namespace ActorConcurrency.Actors.Profiling;

/// <summary>Task 16, actor form: one routee of the worker pool. Does a job and tells the statistics actor.</summary>
public sealed class WorkerActor : ReceiveActor
{
    /// <summary>Creates a worker reporting to <paramref name="stats"/>.</summary>
    public WorkerActor(IActorRef stats)
    {
        Receive<WorkerPoolProtocol.Job>(job =>
        {
            long started = Stopwatch.GetTimestamp();
            int kind = JobWork.Execute(job.Id);
            stats.Tell(new WorkerPoolProtocol.JobDone(kind, Stopwatch.GetTimestamp() - started));
        });
    }

    /// <summary>The props of a worker reporting to <paramref name="stats"/>.</summary>
    public static Props Props(IActorRef stats) => Akka.Actor.Props.Create(() => new WorkerActor(stats));
}
