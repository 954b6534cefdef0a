using System.Globalization;
using ActorConcurrency.Host.Node;

namespace ActorConcurrency.Host.Chaos;

/// <summary>
/// What one scenario measured: each client's tallies, the total a fresh node read back from the journal after
/// every node had stopped, the kills and how long the clients' acknowledgements stalled after each, and the
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

    /// <summary>Seconds from each kill to the first acknowledgement after it (null: no stall over 1 s was seen).</summary>
    public IReadOnlyList<(KillEvent Kill, double? Seconds)> Recoveries =>
        Kills.Select(k => (k, RecoveryAfter(k))).ToList();

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

    /// <summary>"9.2 s" per kill, or "< 1 s" when no stall over a second followed it.</summary>
    public string RecoveryText => Kills.Count == 0
        ? "no kill"
        : Clients.All(c => c.Killed)
            ? "n/a (no client lived on)"
            : string.Join(", ", Recoveries.Select(r => r.Seconds is { } s ? s.ToString("0.0", CultureInfo.InvariantCulture) + " s" : "< 1 s"));

    private double? RecoveryAfter(KillEvent kill)
    {
        // A stall that began before the acknowledgement timeout after the kill ran out (the dead node's batches
        // fill the window within that) and ended after the kill: the kill's recovery ends where it ends.
        var gaps = Clients.Where(c => !c.Killed).SelectMany(c => c.Report.AckGaps)
            .Where(g => g.To > kill.At && g.From <= kill.At.AddSeconds(AckTimeoutSeconds + 1))
            .ToList();
        return gaps.Count == 0 ? null : gaps.Max(g => (g.To - kill.At).TotalSeconds);
    }
}
