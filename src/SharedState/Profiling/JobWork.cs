namespace ActorConcurrency.SharedState.Profiling;

/// <summary>
/// Task 16: what one job does — a few microseconds of arithmetic, the same in every pool, so the pools
/// differ only in how they record statistics.
/// </summary>
public static class JobWork
{
    /// <summary>How many kinds of job there are.</summary>
    public const int Kinds = 8;

    /// <summary>Does job <paramref name="id"/>'s work and returns its kind.</summary>
    public static int Execute(long id)
    {
        // FNV-1a over the id, iterated: enough work that a job is not only its bookkeeping.
        ulong hash = 14695981039346656037UL;
        for (int i = 0; i < 256; i++)
        {
            hash = (hash ^ (ulong)(id + i)) * 1099511628211UL;
        }

        return (int)(hash % Kinds);
    }
}
