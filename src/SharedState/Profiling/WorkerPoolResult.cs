namespace ActorConcurrency.SharedState.Profiling;

/// <summary>What one run of a worker pool did.</summary>
/// <param name="Submitted">Jobs written to the channel.</param>
/// <param name="Stats">The statistics the pool recorded; <see cref="JobStats.Jobs"/> equals <paramref name="Submitted"/> when nothing was lost.</param>
/// <param name="Elapsed">From the first job to the last worker's exit.</param>
public sealed record WorkerPoolResult(long Submitted, JobStats Stats, TimeSpan Elapsed);
