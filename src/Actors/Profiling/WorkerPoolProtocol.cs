namespace ActorConcurrency.Actors.Profiling;

/// <summary>The messages of the actor worker pool: <see cref="WorkerActor"/> routees and the <see cref="StatsActor"/>.</summary>
public static class WorkerPoolProtocol
{
    /// <summary>A job for a worker (sent to the router, which hands it to one routee).</summary>
    public sealed record Job(long Id);

    /// <summary>A worker's report to the statistics actor: the job's kind and how long it took, in Stopwatch ticks.</summary>
    public sealed record JobDone(int Kind, long LatencyTicks);

    /// <summary>
    /// Asks the statistics actor to reply with <see cref="StatsSnapshot"/> once it has recorded
    /// <paramref name="Jobs"/> jobs (at once if it already has): no polling, the reply is the proof.
    /// </summary>
    public sealed record WhenRecorded(long Jobs);

    /// <summary>What the statistics actor recorded.</summary>
    public sealed record StatsSnapshot(long Jobs, long TotalTicks, long MaxTicks, IReadOnlyDictionary<int, long> PerKind);

    /// <summary>Rejects a <see cref="WhenRecorded"/> that can never be answered (a negative count).</summary>
    public sealed record Rejected(string Reason);
}
