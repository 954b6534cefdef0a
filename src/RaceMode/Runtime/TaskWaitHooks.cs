using System.ComponentModel;

namespace ActorConcurrency.RaceMode.Runtime;

/// <summary>
/// <c>Task.WaitAll</c> and <c>Task.WaitAny</c> join the tasks they waited for, by each task's own key: the end of every
/// task <c>WaitAll</c> saw complete (of the one <c>WaitAny</c> returned) happens before the call returns. A wait that
/// timed out acquires nothing; one that throws (a task faulted) still joins them all, since all of them ended.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class TaskWaitHooks
{
    /// <summary>A wait on a task's handle acquires the task's end, as waiting for the task does.</summary>
    public static WaitHandle get_AsyncWaitHandle(IAsyncResult result) =>
        result is Task task ? SyncHooks.Alias(task, result.AsyncWaitHandle) : result.AsyncWaitHandle;

    public static void WaitAll(Task[] tasks)
    {
        try
        {
            Task.WaitAll(tasks);
        }
        finally
        {
            JoinCompleted(tasks);
        }
    }

    public static void WaitAll(ReadOnlySpan<Task> tasks)
    {
        Task[] copy = tasks.ToArray();
        WaitAll(copy);
    }

    public static void WaitAll(IEnumerable<Task> tasks, CancellationToken cancellationToken)
    {
        Task[] copy = [.. tasks];
        try
        {
            Task.WaitAll(copy, cancellationToken);
        }
        finally
        {
            JoinCompleted(copy);
        }
    }

    public static bool WaitAll(Task[] tasks, int millisecondsTimeout) => Joined(tasks, () => Task.WaitAll(tasks, millisecondsTimeout));

    public static bool WaitAll(Task[] tasks, TimeSpan timeout) => Joined(tasks, () => Task.WaitAll(tasks, timeout));

    public static void WaitAll(Task[] tasks, CancellationToken cancellationToken)
    {
        try
        {
            Task.WaitAll(tasks, cancellationToken);
        }
        finally
        {
            JoinCompleted(tasks);
        }
    }

    public static bool WaitAll(Task[] tasks, int millisecondsTimeout, CancellationToken cancellationToken) =>
        Joined(tasks, () => Task.WaitAll(tasks, millisecondsTimeout, cancellationToken));

    public static int WaitAny(Task[] tasks) => JoinedOne(tasks, Task.WaitAny(tasks));

    public static int WaitAny(Task[] tasks, int millisecondsTimeout) => JoinedOne(tasks, Task.WaitAny(tasks, millisecondsTimeout));

    public static int WaitAny(Task[] tasks, TimeSpan timeout) => JoinedOne(tasks, Task.WaitAny(tasks, timeout));

    public static int WaitAny(Task[] tasks, CancellationToken cancellationToken) => JoinedOne(tasks, Task.WaitAny(tasks, cancellationToken));

    public static int WaitAny(Task[] tasks, int millisecondsTimeout, CancellationToken cancellationToken) =>
        JoinedOne(tasks, Task.WaitAny(tasks, millisecondsTimeout, cancellationToken));

    private static bool Joined(Task[] tasks, Func<bool> wait)
    {
        try
        {
            return wait();
        }
        finally
        {
            JoinCompleted(tasks);
        }
    }

    /// <summary>Acquires the end of every task that has completed (all of them, unless the wait timed out or was cancelled).</summary>
    private static void JoinCompleted(Task[]? tasks)
    {
        foreach (Task? task in tasks ?? [])
        {
            if (task is { IsCompleted: true })
            {
                TaskHooks.AcquireTask(task);
            }
        }
    }

    private static int JoinedOne(Task[] tasks, int index)
    {
        if (index >= 0 && index < tasks.Length)
        {
            TaskHooks.AcquireTask(tasks[index]);
        }

        return index;
    }
}
