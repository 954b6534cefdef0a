using System.Collections.Concurrent;
using System.Diagnostics;

namespace ActorConcurrency.RaceDetector.Leaks;

/// <summary>
/// One run of <see cref="TaskLeakCheck"/>: the tasks created inside it that have not finished yet. Its
/// methods are called by the event listener on whatever thread created, started or finished a task, so
/// every member is safe to call concurrently.
/// </summary>
internal sealed class LeakScope
{
    private static readonly AsyncLocal<LeakScope?> s_current = new();

    /// <summary>Tasks created in this scope and not yet seen to finish, by task id.</summary>
    private readonly ConcurrentDictionary<int, TrackedTask> _pending = new();

    /// <summary>
    /// Completed (and replaced) whenever a tracked task finishes, so the grace-period wait wakes on progress
    /// instead of polling. Continuations run asynchronously: it is completed from inside the runtime's
    /// task-completion path and must not run the waiter's code there.
    /// </summary>
    private TaskCompletionSource _progress = NewProgressSignal();

    private int _created;

    private int _finished;

    /// <summary>Set once the report is taken; later creations in this context are not tracked.</summary>
    private volatile bool _closed;

    /// <summary>The scope of the current execution context, if the code runs inside a leak check.</summary>
    public static LeakScope? Current
    {
        get => s_current.Value;
        set => s_current.Value = value;
    }

    public bool IsClosed => _closed;

    /// <summary>Records a task created in this scope (called on the creating thread).</summary>
    public void Track(TrackedTask task)
    {
        if (_closed || !_pending.TryAdd(task.Id, task))
        {
            return;
        }

        Interlocked.Increment(ref _created);
    }

    /// <summary>Records that a tracked task finished (called on the finishing thread).</summary>
    public void Finished(int taskId)
    {
        if (!_pending.TryRemove(taskId, out _))
        {
            return;
        }

        Interlocked.Increment(ref _finished);
        Interlocked.Exchange(ref _progress, NewProgressSignal()).TrySetResult();
    }

    /// <summary>Waits until no tracked task is pending, or the grace period is over.</summary>
    public async Task WaitForTrackedTasksAsync(TimeSpan gracePeriod, CancellationToken cancellationToken)
    {
        var graceOver = Task.Delay(gracePeriod, cancellationToken);
        while (true)
        {
            // Read the signal before the count: a task finishing in between completes this signal, so
            // the wait below cannot miss it.
            Task progress = Volatile.Read(ref _progress).Task;
            if (_pending.IsEmpty || graceOver.IsCompleted)
            {
                break;
            }

            await Task.WhenAny(progress, graceOver).ConfigureAwait(false);
        }

        cancellationToken.ThrowIfCancellationRequested();
    }

    public LeakReport Report(TimeSpan gracePeriod)
    {
        LeakedTask[] leaks = _pending.Values
            .OrderBy(t => t.Sequence)
            .Select(t => t.ToLeakedTask())
            .ToArray();
        Debug.Assert(leaks.Length <= Volatile.Read(ref _created), "a leak was created in this scope");
        return new LeakReport(Volatile.Read(ref _created), Volatile.Read(ref _finished), gracePeriod, leaks);
    }

    /// <summary>Stops tracking: the listener forgets this scope's tasks (leaked ones included).</summary>
    public void Close()
    {
        _closed = true;
        foreach (int id in _pending.Keys)
        {
            TaskEventListener.Forget(id, this);
        }
    }

    private static TaskCompletionSource NewProgressSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
