namespace ActorConcurrency.Host.Chaos;

/// <summary>
/// What a node writes to its <c>--report</c> file at every status tick and at exit (one JSON object, replaced
/// atomically): its load's tallies, why it stopped, and the stretches with no acknowledgement. A node killed
/// with <c>kill -9</c> leaves the file of its last tick, so its numbers are lower bounds.
/// </summary>
internal sealed record NodeReport
{
    public string Node { get; init; } = "";

    public int Pid { get; init; }

    public long Sent { get; init; }

    public long Acknowledged { get; init; }

    public long Retried { get; init; }

    public long InFlight { get; init; }

    public long Unacknowledged { get; init; }

    /// <summary>Retried batches the counters recognised by their idempotency id and did not count again.</summary>
    public long DuplicatesSuppressed { get; init; }

    public long DeadLetters { get; init; }

    public long HandOffDrops { get; init; }

    public bool LoadComplete { get; init; }

    public bool Final { get; init; }

    /// <summary><c>running</c>, <c>completed</c>, <c>interrupted</c>, <c>terminated</c> or <c>downed</c>.</summary>
    public string Reason { get; init; } = "";

    public IReadOnlyList<AckGap> AckGaps { get; init; } = [];
}
