using ActorConcurrency.RaceDetector.Clocks;

namespace ActorConcurrency.RaceDetector.Tracking;

/// <summary>
/// The logical threads of one <see cref="VectorClockDetector"/>, by id: which id a new thread takes (a fresh one, or
/// that of a retired thread its parent already knows), who held an id at a given clock, and the threads
/// <see cref="VectorClockDetector.Run"/> waits for. One lock guards all of it; nothing here touches a clock but
/// the new thread's and the retired thread's own.
/// </summary>
internal sealed class ThreadRegistry
{
    /// <summary>How many retired ids are kept for reuse, and how many of the latest a fork looks through.</summary>
    private const int MaxRetired = 1024;

    private const int ReuseScan = 32;

    private readonly VectorClockDetector _owner;

    private readonly object _gate = new();
    private readonly List<LogicalThread> _threads = [];
    private readonly List<ForkedThread> _forked = [];
    private readonly List<LogicalThread> _spawned = [];

    /// <summary>Ids of retired logical threads that a new one may take over (see <see cref="Retire"/>), oldest first.</summary>
    private readonly List<RetiredSlot> _retired = [];

    public ThreadRegistry(VectorClockDetector owner) => _owner = owner;

    /// <summary>Every logical thread holding an id now, by id.</summary>
    public LogicalThread[] Snapshot()
    {
        lock (_gate)
        {
            return _threads.ToArray();
        }
    }

    /// <summary>
    /// A new logical thread of the owner: on a fresh id, or on the id of one of the latest retired threads that
    /// <paramref name="knowledge"/> (its parent's clock) knows up to that thread's last epoch. Without knowledge the id is fresh.
    /// </summary>
    public LogicalThread Add(string name, bool spawned = false, VectorClock? knowledge = null)
    {
        lock (_gate)
        {
            int id = _threads.Count;
            int start = 0;
            for (int i = _retired.Count - 1; knowledge is not null && i >= Math.Max(0, _retired.Count - ReuseScan); i--)
            {
                RetiredSlot slot = _retired[i];
                if (knowledge[slot.Id] >= slot.LastEpoch)
                {
                    id = slot.Id;
                    start = slot.FinalClock;
                    _retired.RemoveAt(i);
                    break;
                }
            }

            var thread = new LogicalThread(_owner, id, name, spawned, start);
            if (id == _threads.Count)
            {
                _threads.Add(thread);
            }
            else
            {
                // One level of history, so a report of an access by the retired thread still names it; no chain is kept.
                LogicalThread retired = _threads[id];
                retired.Predecessor = null;
                thread.Predecessor = retired;
                _threads[id] = thread;
            }

            if (spawned)
            {
                _spawned.Add(thread);
            }

            return thread;
        }
    }

    /// <summary>A go statement's real thread, for <see cref="WaitForAll"/>.</summary>
    public void AddForked(ForkedThread forked)
    {
        lock (_gate)
        {
            _forked.Add(forked);
        }
    }

    /// <summary>
    /// Offers <paramref name="thread"/>'s id for reuse (see <see cref="VectorClockDetector.Retire"/>) and releases its
    /// clock; a thread of another detector, or one whose id was already taken over, is left alone.
    /// </summary>
    public void Retire(LogicalThread thread, int lastEpoch)
    {
        lock (_gate)
        {
            if (thread.Detector != _owner || _threads[thread.Id] != thread)
            {
                return;
            }

            if (_retired.Count == MaxRetired)
            {
                // Never joined by anyone who forks: its id stays taken, and the list stays bounded.
                _retired.RemoveAt(0);
            }

            _retired.Add(new RetiredSlot(thread.Id, lastEpoch, thread.Now));
        }

        thread.Clock.Release();
    }

    /// <summary>
    /// The logical thread that had id <paramref name="id"/> at clock <paramref name="clock"/>: the one holding it now,
    /// or the retired one it took the id over from; null when an older one had it.
    /// </summary>
    public LogicalThread? HolderOf(int id, int clock)
    {
        lock (_gate)
        {
            if ((uint)id >= (uint)_threads.Count)
            {
                return null;
            }

            LogicalThread holder = _threads[id];
            if (clock > holder.StartClock)
            {
                return holder;
            }

            return holder.Predecessor is { } earlier && clock > earlier.StartClock ? earlier : null;
        }
    }

    /// <summary>The name of logical thread <paramref name="id"/>.</summary>
    public string NameOf(int id)
    {
        lock (_gate)
        {
            return (uint)id < (uint)_threads.Count ? _threads[id].Name : $"#{id}";
        }
    }

    /// <summary>
    /// Waits, without creating any happens-before edge, until every forked thread has finished and every spawned one
    /// has run at least once and is not running, threads started meanwhile included; returns the forked threads.
    /// </summary>
    /// <exception cref="TimeoutException">Some did not within <paramref name="timeout"/>.</exception>
    public List<ForkedThread> WaitForAll(TimeSpan timeout)
    {
        DateTime deadline = DateTime.UtcNow + timeout;
        int waitedForked = 0;
        int waitedSpawned = 0;
        while (true)
        {
            ForkedThread[] forked;
            LogicalThread[] spawned;
            lock (_gate)
            {
                // Threads started by threads: keep going until no new one appeared.
                if (waitedForked == _forked.Count && waitedSpawned == _spawned.Count)
                {
                    return [.. _forked];
                }

                forked = _forked.Skip(waitedForked).ToArray();
                spawned = _spawned.Skip(waitedSpawned).ToArray();
            }

            foreach (ForkedThread thread in forked)
            {
                if (!thread.WaitUntracked(Left(deadline)))
                {
                    ThrowStuck(timeout);
                }
            }

            foreach (LogicalThread thread in spawned)
            {
                if (!thread.WaitIdle(Left(deadline)))
                {
                    ThrowStuck(timeout);
                }
            }

            waitedForked += forked.Length;
            waitedSpawned += spawned.Length;
        }
    }

    private static TimeSpan Left(DateTime deadline)
    {
        TimeSpan left = deadline - DateTime.UtcNow;
        return left > TimeSpan.Zero ? left : TimeSpan.Zero;
    }

    private void ThrowStuck(TimeSpan timeout)
    {
        string[] stuck;
        lock (_gate)
        {
            stuck = _forked.Where(f => !f.WaitUntracked(TimeSpan.Zero)).Select(f => f.Logical.Name)
                .Concat(_spawned.Where(s => s.IsBusySpawned).Select(s => $"{s.Name} (spawned)"))
                .ToArray();
        }

        throw new TimeoutException(
            $"{stuck.Length} logical thread(s) still blocked or never run after {timeout.TotalSeconds:0.#} s (deadlock?): {string.Join(", ", stuck)}");
    }
}
