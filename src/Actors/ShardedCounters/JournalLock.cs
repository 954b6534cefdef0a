namespace ActorConcurrency.Actors.ShardedCounters;

/// <summary>
/// A stretch in which another process held the SQLite journal's write lock for long enough that this node's writes
/// waited for it (a field of <see cref="NodeReport"/>): its pid, whether it was stopped (kill -STOP, a debugger) when
/// last seen, and when this node first and last saw it hold the lock (<see cref="To"/> null: still held).
/// </summary>
public sealed record JournalLock(int Pid, bool Stopped, DateTimeOffset From, DateTimeOffset? To)
{
    /// <summary>
    /// How long one process must hold the write lock before a node reports it (on its status line and as a stretch here):
    /// a writer holds it for milliseconds, so that long means a process stopped or stuck inside a write.
    /// </summary>
    public static readonly TimeSpan ReportedAfter = TimeSpan.FromSeconds(3);
}
