using ActorConcurrency.SharedState.Profiling;
using Akka.Actor;

namespace ActorConcurrency.Actors.Profiling;

/// <summary>
/// Task 16, actor form: the owner of the pool's statistics. Workers tell it what they did; it records one
/// message at a time into a <see cref="JobStats"/> that nobody else can reach, so there is no lock to
/// contend for — the mailbox queue replaces the lock queue.
/// </summary>
public sealed class StatsActor : ReceiveActor
{
    /// <summary>Touched only inside this actor's handlers.</summary>
    private readonly JobStats _stats = new();

    /// <summary>Who asked to hear when a count is reached, and that count; answered in arrival order.</summary>
    private readonly List<(long Jobs, IActorRef ReplyTo)> _pending = [];

    /// <summary>Creates the actor's behaviour.</summary>
    public StatsActor()
    {
        Receive<WorkerPoolProtocol.JobDone>(done =>
        {
            _stats.Record(done.Kind, done.LatencyTicks);
            AnswerReached();
        });
        Receive<WorkerPoolProtocol.WhenRecorded>(request =>
        {
            if (request.Jobs < 0)
            {
                Sender.Tell(new WorkerPoolProtocol.Rejected($"cannot wait for {request.Jobs} jobs"));
                return;
            }

            _pending.Add((request.Jobs, Sender));
            AnswerReached();
        });
    }

    /// <summary>The props to spawn the statistics actor.</summary>
    public static Props Props() => Akka.Actor.Props.Create(() => new StatsActor());

    private void AnswerReached()
    {
        if (_pending.Count == 0)
        {
            return;
        }

        for (int i = _pending.Count - 1; i >= 0; i--)
        {
            if (_stats.Jobs >= _pending[i].Jobs)
            {
                _pending[i].ReplyTo.Tell(Snapshot());
                _pending.RemoveAt(i);
            }
        }
    }

    private WorkerPoolProtocol.StatsSnapshot Snapshot() =>
        new(_stats.Jobs, _stats.TotalTicks, _stats.MaxTicks, new Dictionary<int, long>(_stats.PerKind));
}
