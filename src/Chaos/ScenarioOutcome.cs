using ActorConcurrency.Actors.ShardedCounters;

namespace ActorConcurrency.Chaos;

/// <summary>
/// What one scenario measured: each client's tallies, the total a fresh node read back from the journal after
/// every node had stopped, the faults (kills, freezes, partitions) and how long after each every counter
/// acknowledged the clients again, and the checks that follow from those numbers (acknowledged ≤ total ≤ sent;
/// sent = acknowledged = total when every client lived and had everything acknowledged, with exactly-once
/// delivery; with a client that was killed or frozen, every living client had everything acknowledged).
/// </summary>
public sealed record ScenarioOutcome
{
    public required string Scenario { get; init; }

    public required string Description { get; init; }

    public required string Journal { get; init; }

    public required bool ExactlyOnce { get; init; }

    /// <summary>The scenario's clients end by finishing their load, so their totals must be exact.</summary>
    public required bool ExpectsExactTotal { get; init; }

    public required IReadOnlyList<ClientOutcome> Clients { get; init; }

    /// <summary>What was done to the nodes, in order: kills, freezes, partitions.</summary>
    public required IReadOnlyList<FaultEvent> Faults { get; init; }

    /// <summary>The <c>kill -9</c>s among <see cref="Faults"/>.</summary>
    public int KillCount => Faults.Count(f => f.Kind == FaultKind.Kill);

    /// <summary>The counts read back after recovery (for a shared database: the difference from before the scenario).</summary>
    public ReadTotalReport? Recovered { get; init; }

    public required IReadOnlyList<string> Events { get; init; }

    /// <summary>Why the scenario could not finish, or null.</summary>
    public string? Failure { get; init; }

    /// <summary>The scenario folder: node logs and reports (kept when it did not hold).</summary>
    public required string Folder { get; init; }

    public TimeSpan Duration { get; init; }

    /// <summary>The clients' acknowledgement timeout: a stall after a fault begins within it.</summary>
    public double AckTimeoutSeconds { get; init; } = 3;

    /// <summary>
    /// How long the cluster waits after downing a node before its shards move (Akka's down-removal margin, which follows
    /// the split-brain resolver's <c>stable-after</c> in hocon/cluster.conf).
    /// </summary>
    public double DownRemovalMarginSeconds { get; init; } = 2;

    public long Sent => Clients.Sum(c => c.Report.Sent);

    public long Acknowledged => Clients.Sum(c => c.Report.Acknowledged);

    public long Retried => Clients.Sum(c => c.Report.Retried);

    /// <summary>
    /// Retried increments the counters recognised as already counted, as the clients heard it (the acknowledgements
    /// said so); a suppressed duplicate writes no event, so the journal and the read-back total cannot tell.
    /// </summary>
    public long DuplicatesSuppressed => Clients.Sum(c => c.Report.DuplicatesSuppressed);

    public long HandOffDrops => Clients.Sum(c => c.Report.HandOffDrops);

    public long DeadLetters => Clients.Sum(c => c.Report.DeadLetters);

    public bool AnyClientKilled => Clients.Any(c => c.Killed);

    /// <summary>A client was frozen (and downed while it slept): it did not live through the scenario as a client.</summary>
    public bool AnyClientFrozen => Clients.Any(c => c.Frozen);

    /// <summary>Acknowledged increments missing from the recovered total.</summary>
    public long? Lost => Recovered is null ? null : Math.Max(0, Acknowledged - Recovered.Total);

    /// <summary>Per fault: how long until every counter acknowledged the surviving clients again.</summary>
    public IReadOnlyList<FaultRecovery> Recoveries => Faults.Select(RecoveryAfter).ToList();

    public IReadOnlyList<ScenarioCheck> Checks
    {
        get
        {
            var checks = new List<ScenarioCheck>();
            if (Recovered is not { } recovered)
            {
                checks.Add(new ScenarioCheck("recovered total read", false, Failure ?? "no total was read"));
                return checks;
            }

            long total = recovered.Total;
            checks.Add(new ScenarioCheck("acknowledged ≤ total", Acknowledged <= total,
                $"{Acknowledged:N0} ≤ {total:N0}{(AnyClientKilled ? " (a killed client's acknowledgements as of its last tick)" : "")}"));
            checks.Add(AnyClientKilled
                ? new ScenarioCheck("total ≤ sent", null, "a killed client's sends after its last tick are unknown")
                : new ScenarioCheck("total ≤ sent", total <= Sent, $"{total:N0} ≤ {Sent:N0}"));

            if (!ExactlyOnce)
            {
                checks.Add(new ScenarioCheck("sent = acknowledged = total", null, "at-most-once delivery: an unacknowledged batch is not retried"));
            }
            else if (Clients.All(c => c.FullyAcknowledged))
            {
                checks.Add(new ScenarioCheck("sent = acknowledged = total", Sent == Acknowledged && Acknowledged == total,
                    $"{Sent:N0} = {Acknowledged:N0} = {total:N0}"));
            }
            else if (Clients.Any(c => !c.Lived) && Clients.Any(c => c.Lived))
            {
                // A killed or frozen client's batches in flight may or may not be in the total; the clients that lived
                // must still have had every increment acknowledged (checks 1 and 2 bound the total).
                ClientOutcome? open = Clients.FirstOrDefault(c => c.Lived && !c.FullyAcknowledged);
                string faulted = string.Join(", ", Clients.Where(c => !c.Lived).Select(c => $"{c.Node} {(c.Killed ? "killed" : c.Frozen ? "frozen" : "downed")}"));
                checks.Add(!ExpectsExactTotal && open is not null
                    ? new ScenarioCheck("sent = acknowledged for every client that lived", null, $"client {open.Node} was stopped with {open.Report.Sent - open.Report.Acknowledged:N0} in flight ({faulted})")
                    : new ScenarioCheck("sent = acknowledged for every client that lived", open is null,
                        open is null
                            ? $"{string.Join(", ", Clients.Where(c => c.Lived).Select(c => $"{c.Node}: {c.Report.Sent:N0} = {c.Report.Acknowledged:N0}"))} ({faulted}: bounded by the checks above)"
                            : $"client {open.Node} ended ({open.Report.Reason}) with {open.Report.Sent - open.Report.Acknowledged:N0} of {open.Report.Sent:N0} unacknowledged"));
            }
            else if (ExpectsExactTotal)
            {
                ClientOutcome unfinished = Clients.First(c => !c.FullyAcknowledged);
                checks.Add(new ScenarioCheck("sent = acknowledged = total", false,
                    $"client {unfinished.Node} ended ({unfinished.Report.Reason}) with {unfinished.Report.Sent - unfinished.Report.Acknowledged:N0} of {unfinished.Report.Sent:N0} unacknowledged"));
            }
            else
            {
                ClientOutcome open = Clients.First(c => !c.FullyAcknowledged);
                checks.Add(new ScenarioCheck("sent = acknowledged = total", null,
                    open.Killed ? $"client {open.Node} was killed" : open.Frozen ? $"client {open.Node} was frozen" : $"client {open.Node} was stopped with {open.Report.Sent - open.Report.Acknowledged:N0} in flight"));
            }

            foreach (FaultRecovery recovery in Recoveries.Where(r => r.Fault.Kind != FaultKind.Kill))
            {
                checks.Add(ResumedWhileFrozen(recovery));
            }

            if (Failure is not null)
            {
                checks.Add(new ScenarioCheck("scenario ran to the end", false, Failure));
            }

            return checks;
        }
    }

    /// <summary>Every check that applied held and the scenario ran to its end.</summary>
    public bool Held => Failure is null && Checks.All(c => c.Held != false);

    /// <summary>"12.1 s (k3 last)" per fault, "&lt; 1 s" when no counter stalled over a second after it.</summary>
    public string RecoveryText => Faults.Count == 0
        ? "no fault"
        : Clients.All(c => !c.Lived)
            ? "n/a (no client lived on)"
            : string.Join(", ", Recoveries.Select(r => r.Text));

    /// <summary>
    /// The survivors do not depend on a frozen or cut-off node: every counter acknowledged the living clients again before
    /// the node was woken or the partition healed (for a fault that lasted to the end: at all). Not a time limit of its own: the freeze's length is the
    /// bound, and the acknowledgements that came back only when the frozen node woke up are what issue 20 was about.
    /// Not judged when the fault ended before the survivors could serve the node's counters without it: a downed node's
    /// shards move after the down-removal margin, and a batch waiting on them is retried after the ack timeout, so a
    /// fault that ended sooner than that after the downing (or before it) cannot show whether the heal was needed.
    /// </summary>
    private ScenarioCheck ResumedWhileFrozen(FaultRecovery recovery)
    {
        FaultEvent fault = recovery.Fault;
        string name = fault.Kind == FaultKind.Freeze ? $"acks resumed while {fault.Node} was frozen" : $"acks resumed while {fault.Node} was cut off";
        if (!Clients.Any(c => c.Lived))
        {
            return new ScenarioCheck(name, null, "no client lived on");
        }

        if (recovery.Unmeasured is { } why)
        {
            return new ScenarioCheck(name, false, why);
        }

        if (recovery.Silent.Count > 0)
        {
            return new ScenarioCheck(name, false, $"{string.Join(", ", recovery.Silent)} never acknowledged again");
        }

        double resumed = recovery.Seconds ?? 0;
        if (Journal == "sqlite" && fault.HeldJournalTransaction)
        {
            // SQLite's limit: the frozen process keeps the file's only write lock; the others can only wait, and say so.
            string named = fault.LockNamedAt is { } at
                ? $"the survivors named pid {fault.Pid} as the SQLite write lock's holder {(at - fault.At).TotalSeconds:0.0} s after the freeze began"
                : $"no survivor named pid {fault.Pid} as the SQLite write lock's holder";
            string after = fault.EndedAt is { } end ? $"{resumed - (end - fault.At).TotalSeconds:0.0} s after the holder {(fault.Length is null ? "was killed" : "woke")}" : "";
            return new ScenarioCheck($"{fault.Node}'s SQLite write lock named, acks back once it let go", fault.LockNamedAt is not null,
                $"{named}; every counter acked again {recovery.Text} after the freeze began, {after}");
        }

        bool freeze = fault.Kind == FaultKind.Freeze;
        string began = freeze ? "the freeze began" : "the partition began";
        if (fault.EndedAt is not { } woken)
        {
            return new ScenarioCheck(name, true, $"every counter acked again {recovery.Text} after {began}; {(freeze ? "never woken" : "never healed")}");
        }

        string ending = freeze ? "the wake-up" : "the heal";
        string state = freeze ? "frozen" : "cut off";
        double lasted = (woken - fault.At).TotalSeconds;
        double needed = DownRemovalMarginSeconds + AckTimeoutSeconds;
        if (resumed >= lasted && fault.DownedAt is { } downed && (woken - downed).TotalSeconds is var afterDowning && afterDowning < needed)
        {
            string when = afterDowning < 0
                ? $"{-afterDowning:0.0} s before {fault.Node} was downed"
                : $"{afterDowning:0.0} s after {fault.Node} was downed";
            return new ScenarioCheck(name, null,
                $"not judged: {ending} came {lasted:0.0} s after {began}, {when}, and the survivors may need up to {needed:0.#} s after a " +
                $"downing to serve its counters again (the down-removal margin, {DownRemovalMarginSeconds:0.#} s, then a client's ack timeout, " +
                $"{AckTimeoutSeconds:0.#} s); the last counter acked again {resumed - lasted:0.0} s after {ending}. A longer --fault-seconds judges it");
        }

        return new ScenarioCheck(name, resumed < lasted,
            resumed < lasted
                ? $"every counter acked again after {recovery.Text}, {lasted - resumed:0.0} s before {ending} ({state} {lasted:0.0} s)"
                : $"the last counter acked again only {resumed:0.0} s after {began} ({recovery.SlowestCounter}), {resumed - lasted:0.0} s after {ending} ({state} {lasted:0.0} s)");
    }

    private FaultRecovery RecoveryAfter(FaultEvent fault)
    {
        // A counter's stall that began before the acknowledgement timeout after the fault ran out (its batches on the
        // dead or frozen node, or the window full of other counters' batches, stop it within that) and ended after the
        // fault: that counter is back where the stall ends. The fault's recovery ends when the last counter is back.
        DateTimeOffset at = fault.At;
        DateTimeOffset felt = at.AddSeconds(AckTimeoutSeconds + 1);
        var silent = new SortedSet<string>(StringComparer.Ordinal);
        (double Seconds, string Counter)? slowest = null;
        bool measured = false;
        foreach (ClientOutcome client in Clients.Where(c => c.Lived))
        {
            IReadOnlyDictionary<string, DateTimeOffset> last = client.Report.LastAckPerKey;
            if (last.Count == 0 && client.Report.Acknowledged > 0)
            {
                return new FaultRecovery(fault) { Unmeasured = $"? ({client.Node}'s report has no per-counter times)" };
            }

            if (!last.Values.Any(ack => ack > at))
            {
                continue; // this client's load acknowledged nothing after the fault: it saw no recovery
            }

            measured = true;
            foreach ((string counter, DateTimeOffset lastAck) in last)
            {
                if (lastAck <= at)
                {
                    silent.Add(counter);
                    continue;
                }

                foreach (AckGap gap in client.Report.AckGapsPerKey.GetValueOrDefault(counter) ?? [])
                {
                    double seconds = (gap.To - at).TotalSeconds;
                    if (gap.To > at && gap.From <= felt && seconds > (slowest?.Seconds ?? 0))
                    {
                        slowest = (seconds, counter);
                    }
                }
            }
        }

        return measured
            ? new FaultRecovery(fault) { Seconds = slowest?.Seconds, SlowestCounter = slowest?.Counter, Silent = [.. silent] }
            : new FaultRecovery(fault) { Unmeasured = "n/a (no acknowledgement after the fault)" };
    }
}
