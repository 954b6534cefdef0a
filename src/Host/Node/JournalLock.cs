namespace ActorConcurrency.Host.Node;

/// <summary>
/// A stretch in which another process held the SQLite journal's write lock for long enough that this node's writes
/// waited for it (a field of <see cref="NodeReport"/>): its pid, whether it was stopped (kill -STOP, a debugger) when
/// last seen, and when this node first and last saw it hold the lock (<see cref="To"/> null: still held).
/// </summary>
internal sealed record JournalLock(int Pid, bool Stopped, DateTimeOffset From, DateTimeOffset? To);
