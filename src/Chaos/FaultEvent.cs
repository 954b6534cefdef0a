using System.Globalization;

namespace ActorConcurrency.Chaos;

/// <summary>
/// One fault a scenario did to the cluster: a <c>kill -9</c>, a freeze (<c>kill -STOP</c>, and <c>kill -CONT</c>
/// after a while or never) or a partition; which node, in what role, when it began, when the survivors saw the
/// node removed (downed) and when the fault ended (the node woken, the partition healed).
/// </summary>
public sealed record FaultEvent(string Node, FaultKind Kind, string Role, DateTimeOffset At)
{
    /// <summary>A freeze's or a partition's planned length; null for a kill, and for a freeze that lasts until the scenario ends.</summary>
    public TimeSpan? Length { get; init; }

    /// <summary>A freeze that caught the node inside a journal write transaction (its locks held while it sleeps).</summary>
    public bool HeldJournalTransaction { get; init; }

    /// <summary>The faulted node's pid (a SQLite lock holder is named by it).</summary>
    public int Pid { get; init; }

    /// <summary>
    /// SQLite: when a survivor first said, on its status line, that this node's pid held the journal's write lock
    /// (null: none did).
    /// </summary>
    public DateTimeOffset? LockNamedAt { get; init; }

    /// <summary>When every survivor saw the node removed from the cluster (none unreachable, one member fewer); null if never.</summary>
    public DateTimeOffset? DownedAt { get; init; }

    /// <summary>When the fault ended: the frozen node woken, the partition healed; null for a kill or a fault that lasted to the end.</summary>
    public DateTimeOffset? EndedAt { get; init; }

    /// <summary>Seconds from the fault until the survivors had downed the node, or null.</summary>
    public double? SecondsToDowning => DownedAt is { } downed ? (downed - At).TotalSeconds : null;

    /// <summary>"kill -9", "freeze 20 s", "freeze (for ever)", "partition 20 s".</summary>
    public string KindText => Kind switch
    {
        FaultKind.Kill => "kill -9",
        FaultKind.Freeze => Length is { } length ? $"freeze {Seconds(length)} s" : "freeze (for ever)",
        FaultKind.Partition => Length is { } length ? $"partition {Seconds(length)} s" : "partition (for ever)",
        FaultKind.OneWayPartition => Length is { } length ? $"one-way partition {Seconds(length)} s" : "one-way partition (for ever)",
        _ => Kind.ToString(),
    };

    private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture);
}

/// <summary>What was done to a node.</summary>
public enum FaultKind
{
    /// <summary><c>kill -9</c>: the process is gone at once.</summary>
    Kill,

    /// <summary><c>kill -STOP</c>: the process stops with its sockets, connections, transactions and locks held.</summary>
    Freeze,

    /// <summary>The node and the others cannot reach each other; both sides run on and keep the database.</summary>
    Partition,

    /// <summary>The node's messages to the others are lost; theirs to it arrive.</summary>
    OneWayPartition,
}
