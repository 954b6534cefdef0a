using ActorConcurrency.Actors.ShardedCounters;

namespace ActorConcurrency.Host.Node;

/// <summary>
/// What <c>node --report FILE</c> writes at every status tick and at exit (<see cref="NodeRun"/>), and what the
/// crash harness reads back: the load's figures as this node saw them, why it stopped, and the stretches with
/// no acknowledgement. The file is replaced atomically (<see cref="ReportFile"/>); a node killed with
/// <c>kill -9</c> leaves the file of its last tick, so its numbers are lower bounds.
/// </summary>
internal sealed record NodeReport
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

    public IReadOnlyList<AckGap> AckGaps { get; init; } = [];

    /// <summary>A load's figures at one moment.</summary>
    public static NodeReport From(string node, IncrementReport load, LostMessages lost, bool loadComplete, bool final, string reason) => new()
    {
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
        AckGaps = load.AcknowledgementGaps
            .Select(g => new AckGap(new DateTimeOffset(g.FromUtc, TimeSpan.Zero), new DateTimeOffset(g.ToUtc, TimeSpan.Zero), Math.Round(g.Duration.TotalSeconds, 3)))
            .ToArray(),
    };

    /// <summary>Replaces <paramref name="path"/> with this report, atomically.</summary>
    public void WriteTo(string path) => ReportFile.Write(path, this);

    /// <summary>The report a node wrote to <paramref name="path"/>.</summary>
    public static NodeReport ReadFrom(string path) => ReportFile.Read<NodeReport>(path);
}
