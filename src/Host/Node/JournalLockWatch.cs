using System.Globalization;
using ActorConcurrency.Actors.ShardedCounters;

namespace ActorConcurrency.Host.Node;

/// <summary>
/// Watches who holds the SQLite journal's write lock (<see cref="SqliteWriteLock"/>, every 250 ms) and says so when
/// another process has held it for <see cref="JournalLock.ReportedAfter"/> or longer: a writer holds it for milliseconds, so that long
/// means a process stopped or stuck inside a write, and every node's writes wait for it (SQLite cannot take the lock
/// from a living process). The node prints it on its status line and keeps it in its report.
/// </summary>
internal sealed class JournalLockWatch : IDisposable
{
    private readonly string _file;
    private readonly Lock _lock = new();
    private readonly List<JournalLock> _locks = [];
    private readonly CancellationTokenSource _stop = new();
    private (int Pid, DateTimeOffset Since)? _holder;

    private JournalLockWatch(string file)
    {
        _file = file;
        _ = Task.Run(WatchAsync);
    }

    /// <summary>A watch of <paramref name="node"/>'s SQLite journal, or null on another journal (or off Linux).</summary>
    public static JournalLockWatch? Start(ShardedCounterNode node) =>
        node.SqliteFile is { } file && OperatingSystem.IsLinux() ? new JournalLockWatch(file) : null;

    /// <summary>Every stretch reported so far.</summary>
    public IReadOnlyList<JournalLock> Locks
    {
        get
        {
            lock (_lock)
            {
                return [.. _locks];
            }
        }
    }

    /// <summary>"journal locked: …" while a reported stretch lasts, or null.</summary>
    public string? Describe()
    {
        JournalLock? open;
        lock (_lock)
        {
            open = _locks.Count > 0 && _locks[^1].To is null ? _locks[^1] : null;
        }

        if (open is null)
        {
            return null;
        }

        string seconds = (DateTimeOffset.UtcNow - open.From).TotalSeconds.ToString("0", CultureInfo.InvariantCulture);
        return $"journal locked: SQLite's write lock held by pid {open.Pid}{(open.Stopped ? " (stopped)" : "")} for {seconds} s; " +
               "every node's writes wait for it (one SQLite file, one writer: use PostgreSQL across processes)";
    }

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
    }

    private async Task WatchAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(250));
        try
        {
            do
            {
                Look();
            }
            while (await timer.WaitForNextTickAsync(_stop.Token));
        }
        catch (OperationCanceledException)
        {
            // Disposed: the node is stopping.
        }
        catch (ObjectDisposedException)
        {
            // Disposed between two ticks.
        }
    }

    private void Look()
    {
        DateTimeOffset now = DateTimeOffset.UtcNow;
        int self = Environment.ProcessId;
        IReadOnlyList<int> holders = SqliteWriteLock.Holders(_file, self);
        lock (_lock)
        {
            int? pid = _holder is { } h && holders.Contains(h.Pid) ? h.Pid : holders.FirstOrDefault(p => p != self) is var other and > 0 ? other : null;
            if (pid is null)
            {
                Close(now);
                _holder = null;
                return;
            }

            if (_holder?.Pid != pid)
            {
                Close(now);
                _holder = (pid.Value, now);
            }

            if (now - _holder!.Value.Since < JournalLock.ReportedAfter)
            {
                return;
            }

            bool stopped = SqliteWriteLock.IsStopped(pid.Value);
            if (_locks.Count > 0 && _locks[^1] is { To: null } open && open.Pid == pid)
            {
                _locks[^1] = open with { Stopped = stopped };
            }
            else
            {
                _locks.Add(new JournalLock(pid.Value, stopped, _holder.Value.Since, null));
            }
        }
    }

    private void Close(DateTimeOffset now)
    {
        if (_locks.Count > 0 && _locks[^1] is { To: null } open)
        {
            _locks[^1] = open with { To = now };
        }
    }
}
