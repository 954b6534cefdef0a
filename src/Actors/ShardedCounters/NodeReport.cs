namespace ActorConcurrency.Actors.ShardedCounters;

/// <summary>
/// What <c>node --report FILE</c> writes at every status tick and at exit (the host's <c>NodeRun</c>), and what the
/// crash harness reads back: the load's figures as this node saw them, why it stopped, and the stretches with
/// no acknowledgement. The file is replaced atomically (<see cref="ReportFile"/>); a node killed with
/// <c>kill -9</c> leaves the file of its last tick, so its numbers are lower bounds.
/// </summary>
public sealed record NodeReport
{
    /// <summary>The node's address (<c>akka.tcp://…</c>); a reader with no file names it as it knows it.</summary>
    public string Node { get; init; } = "";

    public int Pid { get; init; }

    public long Sent { get; init; }

    public long Acknowledged { get; init; }

    public long Retried { get; init; }

    public long InFlight { get; init; }

    public long Unacknowledged { get; init; }

    /// <summary>Retried increments the counters recognised by their batch id as already counted and did not count again.</summary>
    public long DuplicatesSuppressed { get; init; }

    public long DeadLetters { get; init; }

    public long HandOffDrops { get; init; }

    public bool LoadComplete { get; init; }

    public bool Final { get; init; }

    /// <summary><c>running</c>, <c>completed</c>, <c>stopped</c>, <c>interrupted</c>, <c>terminated</c> or <c>downed</c>.</summary>
    public string Reason { get; init; } = "";

    /// <summary>Stretches of more than a second in which no counter acknowledged (they end at the first counter's answer).</summary>
    public IReadOnlyList<AckGap> AckGaps { get; init; } = [];

    /// <summary>Per counter, the stretches of more than a second in which that counter acknowledged nothing.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<AckGap>> AckGapsPerKey { get; init; } = new Dictionary<string, IReadOnlyList<AckGap>>();

    /// <summary>Per counter, when it last acknowledged: one that stayed silent after a kill has an older time here.</summary>
    public IReadOnlyDictionary<string, DateTimeOffset> LastAckPerKey { get; init; } = new Dictionary<string, DateTimeOffset>();

    /// <summary>How this node saw the other members change (unreachable, down, removed, …), with when.</summary>
    public IReadOnlyList<MemberEvent> MemberEvents { get; init; } = [];

    /// <summary>Stretches in which another process held the SQLite journal's write lock long enough to report (SQLite only).</summary>
    public IReadOnlyList<JournalLock> JournalLocks { get; init; } = [];

    /// <summary>A load's figures at one moment.</summary>
    public static NodeReport From(
        string node, IncrementReport load, LostMessages lost, bool loadComplete, bool final, string reason,
        IReadOnlyList<MemberEvent>? members = null, IReadOnlyList<JournalLock>? journalLocks = null) => new()
    {
        MemberEvents = members ?? [],
        JournalLocks = journalLocks ?? [],
        Node = node,
        Pid = Environment.ProcessId,
        Sent = load.Sent,
        Acknowledged = load.Acknowledged,
        Retried = load.Retried,
        InFlight = load.InFlight,
        Unacknowledged = load.Unacknowledged,
        DuplicatesSuppressed = load.DuplicatesSuppressed,
        DeadLetters = lost.DeadLetters,
        HandOffDrops = lost.ShardDrops,
        LoadComplete = loadComplete,
        Final = final,
        Reason = reason,
        AckGaps = load.AcknowledgementGaps.Select(Gap).ToArray(),
        AckGapsPerKey = new SortedDictionary<string, IReadOnlyList<AckGap>>(
            load.AcknowledgementGapsPerKey.ToDictionary(p => p.Key, p => (IReadOnlyList<AckGap>)p.Value.Select(Gap).ToArray()), StringComparer.Ordinal),
        LastAckPerKey = new SortedDictionary<string, DateTimeOffset>(
            load.LastAcknowledgedPerKey.ToDictionary(p => p.Key, p => Utc(p.Value)), StringComparer.Ordinal),
    };

    private static AckGap Gap(AcknowledgementGap gap) => new(Utc(gap.FromUtc), Utc(gap.ToUtc), Math.Round(gap.Duration.TotalSeconds, 3));

    private static DateTimeOffset Utc(DateTime utc) => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc));

    /// <summary>Replaces <paramref name="path"/> with this report, atomically.</summary>
    public void WriteTo(string path) => ReportFile.Write(path, this);

    /// <summary>The report a node wrote to <paramref name="path"/>.</summary>
    public static NodeReport ReadFrom(string path) => ReportFile.Read<NodeReport>(path);
}
