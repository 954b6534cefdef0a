namespace ActorConcurrency.SharedState.Profiling;

/// <summary>How a <see cref="WorkerPool"/> records its statistics.</summary>
public enum StatsMode
{
    /// <summary>Every worker records every job into one <see cref="JobStats"/> behind one lock: the hot lock.</summary>
    SharedLock,

    /// <summary>The refactor: each worker records into its own <see cref="JobStats"/>, merged under the lock once per worker at the end.</summary>
    PerWorker,
}
