namespace ActorConcurrency.Demonstrations.Connection;

/// <summary>Task 18: the lifecycles of every form checked against the legal paths, then the FSM's connect deadline.</summary>
/// <param name="Lifecycles">Each form's lifecycles under concurrent requesters.</param>
/// <param name="Deadline">The FSM's connect timeout with rejected requests arriving while it is Connecting.</param>
public sealed record ConnectionLifecycleResult(LifecycleRuns Lifecycles, ConnectDeadline Deadline) : IDemonstrationResult
{
    /// <summary>Whether every form's every log was a legal path, no read saw a state outside the five, and the deadline was kept.</summary>
    public bool Held => Lifecycles.Forms.All(f => f.Held) && Deadline.Kept;

    /// <inheritdoc />
    public string Evidence => string.Join("; ", Lifecycles.Forms.Select(f => $"{f.Label}: {f.Legal}/{f.Runs} legal, {f.Rejected} rejected").Append(Deadline.Evidence));
}

/// <summary>Every form's lifecycles, each driven by concurrent requesters sending random transition requests.</summary>
/// <param name="Runs">Lifecycles per form.</param>
/// <param name="Requesters">Requesters per lifecycle.</param>
/// <param name="RequestsEach">Requests each requester sends.</param>
/// <param name="Forms">The lock, the CAS loop and the FSM actor.</param>
public sealed record LifecycleRuns(int Runs, int Requesters, int RequestsEach, IReadOnlyList<FormLifecycles> Forms);

/// <summary>One form's lifecycles.</summary>
/// <param name="Name">Its short name.</param>
/// <param name="Type">Its type.</param>
/// <param name="Runs">Lifecycles.</param>
/// <param name="Requests">Requests sent in all.</param>
/// <param name="Accepted">Requests accepted (transitions made).</param>
/// <param name="Rejected">Requests rejected (not legal from the state observed).</param>
/// <param name="LongestPath">The most transitions in one lifecycle.</param>
/// <param name="Legal">Lifecycles whose accepted transitions, by sequence, form a legal path from Idle to the final state.</param>
/// <param name="InvalidReads">Reads of a state outside the five; null for the actor, whose state is read only by message.</param>
/// <param name="Problems">The first three logs that were not legal paths, each saying where it broke.</param>
public sealed record FormLifecycles(
    string Name, string Type, int Runs, long Requests, long Accepted, long Rejected, long LongestPath, int Legal, long? InvalidReads, IReadOnlyList<string> Problems)
{
    /// <summary>The name with the type: <c>lock (LockedConnection)</c>.</summary>
    public string Label => $"{Name} ({Type})";

    /// <summary>Whether every log was a legal path and no read saw an invalid state.</summary>
    public bool Held => Legal == Runs && (InvalidReads ?? 0) == 0;
}

/// <summary>The FSM's connect timeout, with rejected requests arriving while it is Connecting (they must not postpone it).</summary>
/// <param name="TimeoutMilliseconds">The configured connect timeout.</param>
/// <param name="TimedOut">Whether Connecting → Idle happened.</param>
/// <param name="AfterMilliseconds">When it happened, from the Connect (indicative).</param>
/// <param name="Rejected">Requests rejected while Connecting.</param>
/// <param name="Transitions">The transitions a subscriber saw.</param>
public sealed record ConnectDeadline(double TimeoutMilliseconds, bool TimedOut, double AfterMilliseconds, int Rejected, IReadOnlyList<string> Transitions)
{
    /// <summary>When the last rejected request arrives, as a fraction of the connect timeout.</summary>
    public const double LastRejectedAt = 0.9;

    /// <summary>
    /// When a plain state timeout, re-armed by each message Connecting handles, would fire at the earliest: after the last
    /// rejected request (at 90% of the timeout) it cannot fire before 1.9 timeouts.
    /// </summary>
    public double RearmedMilliseconds => (TimeoutMilliseconds * LastRejectedAt) + TimeoutMilliseconds;

    /// <summary>Whether the timeout fired before a re-armed one could have: the rejected requests did not postpone it.</summary>
    public bool Kept => TimedOut && AfterMilliseconds < RearmedMilliseconds;

    /// <summary>The deadline's part of the task's evidence.</summary>
    public string Evidence => !TimedOut ? "connect timeout did not fire"
        : Kept ? $"connect timeout fired after {AfterMilliseconds:0} ms (deadline kept)"
        : $"connect timeout fired after {AfterMilliseconds:0} ms (postponed past {RearmedMilliseconds:0} ms)";
}
