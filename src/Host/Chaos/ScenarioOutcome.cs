using ActorConcurrency.Host.Node;

namespace ActorConcurrency.Host.Chaos;

/// <summary>
/// What one scenario measured: each client's tallies, the total a fresh node read back from the journal after
/// every node had stopped, the kills and how long after each every counter acknowledged the clients again, and the
/// checks that follow from those numbers (acknowledged ≤ total ≤ sent; sent = acknowledged = total when every
/// client lived and had everything acknowledged, with exactly-once delivery).
/// </summary>
internal sealed record ScenarioOutcome
{
    public required string Scenario { get; init; }

    public required string Description { get; init; }

    public required string Journal { get; init; }

    public required bool ExactlyOnce { get; init; }

    /// <summary>The scenario's clients end by finishing their load, so their totals must be exact.</summary>
    public required bool ExpectsExactTotal { get; init; }

    public required IReadOnlyList<ClientOutcome> Clients { get; init; }

    public required IReadOnlyList<KillEvent> Kills { get; init; }

    /// <summary>The counts read back after recovery (for a shared database: the difference from before the scenario).</summary>
    public ReadTotalReport? Recovered { get; init; }

    public required IReadOnlyList<string> Events { get; init; }

    /// <summary>Why the scenario could not finish, or null.</summary>
    public string? Failure { get; init; }

    /// <summary>The scenario folder: node logs and reports (kept when it did not hold).</summary>
    public required string Folder { get; init; }

    public TimeSpan Duration { get; init; }

    /// <summary>The clients' acknowledgement timeout: a stall after a kill begins within it.</summary>
    public double AckTimeoutSeconds { get; init; } = 3;

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

    /// <summary>Acknowledged increments missing from the recovered total.</summary>
    public long? Lost => Recovered is null ? null : Math.Max(0, Acknowledged - Recovered.Total);

    /// <summary>Per kill: how long until every counter acknowledged the surviving clients again.</summary>
    public IReadOnlyList<KillRecovery> Recoveries => Kills.Select(RecoveryAfter).ToList();

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
                    open.Killed ? $"client {open.Node} was killed" : $"client {open.Node} was stopped with {open.Report.Sent - open.Report.Acknowledged:N0} in flight"));
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

    /// <summary>"12.1 s (k3 last)" per kill, "< 1 s" when no counter stalled over a second after it.</summary>
    public string RecoveryText => Kills.Count == 0
        ? "no kill"
        : Clients.All(c => c.Killed)
            ? "n/a (no client lived on)"
            : string.Join(", ", Recoveries.Select(r => r.Text));

    private KillRecovery RecoveryAfter(KillEvent kill)
    {
        // A counter's stall that began before the acknowledgement timeout after the kill ran out (its batches on the
        // dead node, or the window full of other counters' batches, stop it within that) and ended after the kill:
        // that counter is back where the stall ends. The kill's recovery ends when the last counter is back.
        DateTimeOffset felt = kill.At.AddSeconds(AckTimeoutSeconds + 1);
        var silent = new SortedSet<string>(StringComparer.Ordinal);
        (double Seconds, string Counter)? slowest = null;
        bool measured = false;
        foreach (ClientOutcome client in Clients.Where(c => !c.Killed))
        {
            IReadOnlyDictionary<string, DateTimeOffset> last = client.Report.LastAckPerKey;
            if (last.Count == 0 && client.Report.Acknowledged > 0)
            {
                return new KillRecovery(kill) { Unmeasured = $"? ({client.Node}'s report has no per-counter times)" };
            }

            if (!last.Values.Any(at => at > kill.At))
            {
                continue; // this client's load acknowledged nothing after the kill: it saw no recovery
            }

            measured = true;
            foreach ((string counter, DateTimeOffset lastAck) in last)
            {
                if (lastAck <= kill.At)
                {
                    silent.Add(counter);
                    continue;
                }

                foreach (AckGap gap in client.Report.AckGapsPerKey.GetValueOrDefault(counter) ?? [])
                {
                    double seconds = (gap.To - kill.At).TotalSeconds;
                    if (gap.To > kill.At && gap.From <= felt && seconds > (slowest?.Seconds ?? 0))
                    {
                        slowest = (seconds, counter);
                    }
                }
            }
        }

        return measured
            ? new KillRecovery(kill) { Seconds = slowest?.Seconds, SlowestCounter = slowest?.Counter, Silent = [.. silent] }
            : new KillRecovery(kill) { Unmeasured = "n/a (no acknowledgement after the kill)" };
    }
}
