namespace ActorConcurrency.RaceDetector.Leaks;

/// <summary>A task created inside a <see cref="LeakScope"/>, as the runtime's events described it.</summary>
internal sealed class TrackedTask
{
    private const int Created = 0;
    private const int Scheduled = 1;
    private const int Running = 2;

    private static long s_sequence;

    /// <summary>Advanced by the scheduling and start events, which may arrive on other threads.</summary>
    private int _state;

    public TrackedTask(int id, string operation, LeakScope scope, StartSite site)
    {
        Id = id;
        Operation = operation;
        Scope = scope;
        Site = site;
        Sequence = Interlocked.Increment(ref s_sequence);
    }

    public int Id { get; }

    /// <summary>The runtime's name: <c>Async: &lt;Method&gt;d__N</c>, <c>Task: &lt;lambda&gt;</c>, <c>Task.Unwrap</c>, …</summary>
    public string Operation { get; }

    public LeakScope Scope { get; }

    public StartSite Site { get; }

    /// <summary>Creation order, for a report that lists leaks in the order they were started.</summary>
    public long Sequence { get; }

    public void MarkScheduled() => Interlocked.CompareExchange(ref _state, Scheduled, Created);

    public void MarkRunning() => Interlocked.Exchange(ref _state, Running);

    public LeakedTask ToLeakedTask() => new(Id, StartSite.Describe(Operation), DescribeState(), Site.Summary, Site.Frames);

    private string DescribeState() => Volatile.Read(ref _state) switch
    {
        Running => "running (its delegate never returned)",
        Scheduled => "scheduled, never started",
        _ when Operation.StartsWith("Async:", StringComparison.Ordinal) => "suspended at an await that never completed",
        _ => "waiting for a task that never completed",
    };
}
