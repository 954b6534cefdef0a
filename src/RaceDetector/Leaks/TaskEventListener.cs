using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace ActorConcurrency.RaceDetector.Leaks;

/// <summary>
/// The one in-process listener to the runtime's task events, shared by every <see cref="LeakScope"/>.
/// An <see cref="EventListener"/> is called synchronously on the thread that writes the event, so at a
/// task's creation event the creator's <see cref="ExecutionContext"/> — and its <see cref="LeakScope"/> —
/// is the current one.
/// </summary>
internal sealed class TaskEventListener : EventListener
{
    private const string TplEventSourceName = "System.Threading.Tasks.TplEventSource";

    /// <summary><c>TplEventSource.Keywords.Tasks</c>: TaskScheduled, TaskStarted, TaskCompleted.</summary>
    private const EventKeywords TasksKeyword = (EventKeywords)0x2;

    /// <summary><c>TplEventSource.Keywords.AsyncCausalityOperation</c>: TraceOperationBegin/End for every task and async method.</summary>
    private const EventKeywords AsyncCausalityOperationKeyword = (EventKeywords)0x8;

    /// <summary><c>TplEventSource.Keywords.TaskStops</c>: needed for TaskCompleted.</summary>
    private const EventKeywords TaskStopsKeyword = (EventKeywords)0x40;

    private const int TaskScheduledEvent = 7;
    private const int TaskStartedEvent = 8;
    private const int TaskCompletedEvent = 9;
    private const int TraceOperationBeginEvent = 14;
    private const int TraceOperationEndEvent = 15;

    private static readonly Lazy<TaskEventListener> s_instance = new(() => new TaskEventListener(), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Every task some open scope is tracking, by id; a task is in at most one scope.</summary>
    private static readonly ConcurrentDictionary<int, TrackedTask> s_tracked = new();

    private TaskEventListener()
    {
    }

    /// <summary>Creates the listener on first use; from then on the runtime writes task events for the whole process.</summary>
    public static void EnsureListening() => _ = s_instance.Value;

    /// <summary>Drops a closed scope's task, unless it has been replaced (ids are unique, so it has not).</summary>
    public static void Forget(int taskId, LeakScope scope)
    {
        if (s_tracked.TryGetValue(taskId, out TrackedTask? task) && ReferenceEquals(task.Scope, scope))
        {
            s_tracked.TryRemove(new KeyValuePair<int, TrackedTask>(taskId, task));
        }
    }

    // Called from the base constructor for sources that already exist, and later for new ones.
    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == TplEventSourceName)
        {
            EnableEvents(eventSource, EventLevel.Informational, TasksKeyword | AsyncCausalityOperationKeyword | TaskStopsKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        switch (eventData.EventId)
        {
            case TraceOperationBeginEvent:
                OnCreated(eventData);
                break;
            case TaskScheduledEvent:
                Find(eventData, payloadIndex: 2)?.MarkScheduled();
                break;
            case TaskStartedEvent:
                Find(eventData, payloadIndex: 2)?.MarkRunning();
                break;
            case TaskCompletedEvent:
                OnFinished(TaskId(eventData, payloadIndex: 2));
                break;
            case TraceOperationEndEvent:
                OnFinished(TaskId(eventData, payloadIndex: 0));
                break;
        }
    }

    private static void OnCreated(EventWrittenEventArgs eventData)
    {
        // Most tasks in the process belong to no scope: decide that first, before any allocation.
        LeakScope? scope = LeakScope.Current;
        if (scope is null || scope.IsClosed || eventData.Payload is not { Count: >= 2 } payload)
        {
            return;
        }

        int taskId = TaskId(eventData, payloadIndex: 0);
        var task = new TrackedTask(taskId, payload[1] as string ?? "?", scope, StartSite.Capture());
        if (s_tracked.TryAdd(taskId, task))
        {
            scope.Track(task);
        }
    }

    private static void OnFinished(int taskId)
    {
        // TaskCompleted and TraceOperationEnd both end a delegate task: whichever comes first wins.
        if (taskId != 0 && s_tracked.TryRemove(taskId, out TrackedTask? task))
        {
            task.Scope.Finished(taskId);
        }
    }

    private static TrackedTask? Find(EventWrittenEventArgs eventData, int payloadIndex)
    {
        int taskId = TaskId(eventData, payloadIndex);
        return taskId != 0 && s_tracked.TryGetValue(taskId, out TrackedTask? task) ? task : null;
    }

    private static int TaskId(EventWrittenEventArgs eventData, int payloadIndex) =>
        eventData.Payload is { } payload && payload.Count > payloadIndex && payload[payloadIndex] is int id ? id : 0;
}
