using System.Text.Json;
using ActorConcurrency.Actors.ShardedCounters;
using ActorConcurrency.Chaos;
using ActorConcurrency.Host.Chaos;
using Spectre.Console;

namespace ActorConcurrency.Tests.Chaos;

/// <summary>
/// How the harness reads a node (its status line, its report file, read-total's report) and what it concludes
/// from the numbers: the parsing and the arithmetic, checked without any process; and how <c>chaos</c> shows them.
/// </summary>
public sealed class ChaosMeasurementSpec : IDisposable
{
    private static readonly DateTimeOffset Kill = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    /// <summary>A folder of this spec's own for the report files it writes and reads.</summary>
    private readonly string _folder = Directory.CreateTempSubdirectory("chaos-measurement-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_report_file_is_read_with_its_acknowledgement_gaps()
    {
        // The file as a node writes it, field names and all: a renamed field would read as 0 here.
        string path = Path.Combine(_folder, "L.report.json");
        File.WriteAllText(path, """
            {"node":"akka.tcp://counters@127.0.0.1:4000","pid":42,"sent":1000,"acknowledged":900,"retried":20,"inFlight":100,
             "unacknowledged":100,"duplicatesSuppressed":7,"deadLetters":3,"handOffDrops":2,"loadComplete":false,"final":true,"reason":"interrupted",
             "ackGaps":[{"from":"2026-12-01T09:00:00.5Z","to":"2026-12-01T09:00:09.5Z","seconds":9.0}]}
            """);
        NodeReport report = NodeReport.ReadFrom(path);
        Assert.Equal((42, 1000L, 900L, 20L, 100L, 7L, "interrupted", true),
            (report.Pid, report.Sent, report.Acknowledged, report.Retried, report.Unacknowledged, report.DuplicatesSuppressed, report.Reason, report.Final));
        AckGap gap = Assert.Single(report.AckGaps);
        Assert.Equal(Kill.AddSeconds(9.5), gap.To);
    }

    [Fact]
    public void A_nodes_report_reads_back_with_every_figure_its_load_had()
    {
        DateTime stalled = Kill.UtcDateTime.AddSeconds(0.5);
        var load = new IncrementReport(Sent: 1000, Acknowledged: 900, Unacknowledged: 40, Retried: 80, DuplicatesSuppressed: 60, Batches: 50,
            AcknowledgedPerKey: new Dictionary<string, long>(), AcknowledgementGaps: [new AcknowledgementGap(stalled, stalled.AddSeconds(9))],
            AcknowledgementGapsPerKey: new Dictionary<string, IReadOnlyList<AcknowledgementGap>> { ["k1"] = [new AcknowledgementGap(stalled, stalled.AddSeconds(11))] },
            LastAcknowledgedPerKey: new Dictionary<string, DateTime> { ["k0"] = stalled.AddSeconds(20), ["k1"] = stalled.AddSeconds(19) });
        string path = Path.Combine(_folder, "L.report.json");
        NodeReport.From("akka.tcp://counters@127.0.0.1:4000", load, new LostMessages(), loadComplete: false, final: true, reason: "interrupted").WriteTo(path);

        NodeReport read = NodeReport.ReadFrom(path);
        Assert.Equal((1000L, 900L, 40L, 60L, 80L, 60L, "interrupted", true),
            (read.Sent, read.Acknowledged, read.Unacknowledged, read.InFlight, read.Retried, read.DuplicatesSuppressed, read.Reason, read.Final));
        Assert.Equal(new AckGap(Kill.AddSeconds(0.5), Kill.AddSeconds(9.5), 9), Assert.Single(read.AckGaps));
        Assert.Equal(new AckGap(Kill.AddSeconds(0.5), Kill.AddSeconds(11.5), 11), Assert.Single(Assert.Single(read.AckGapsPerKey).Value));
        Assert.Equal((Kill.AddSeconds(20.5), Kill.AddSeconds(19.5)), (read.LastAckPerKey["k0"], read.LastAckPerKey["k1"]));
    }

    [Fact]
    public void A_read_total_report_reads_back_as_node_read_total_writes_it()
    {
        string path = Path.Combine(_folder, "read-after.json");
        new ReadTotalReport { Total = 350, PerKey = new SortedDictionary<string, long>(StringComparer.Ordinal) { ["k0"] = 160, ["k1"] = 190 } }.WriteTo(path);

        using (JsonDocument file = JsonDocument.Parse(File.ReadAllText(path)))
        {
            Assert.Equal(["total", "perKey"], file.RootElement.EnumerateObject().Select(p => p.Name));
        }

        ReadTotalReport read = ReadTotalReport.ReadFrom(path);
        Assert.Equal((350L, 160L, 190L), (read.Total, read.PerKey["k0"], read.PerKey["k1"]));
    }

    [Fact]
    public void A_shared_database_is_measured_from_the_reading_before_the_scenario()
    {
        var before = new ReadTotalReport { Total = 100, PerKey = new Dictionary<string, long> { ["k0"] = 60, ["k1"] = 40 } };
        var after = new ReadTotalReport { Total = 350, PerKey = new Dictionary<string, long> { ["k0"] = 160, ["k1"] = 190 } };
        ReadTotalReport difference = after.Minus(before);
        Assert.Equal((250L, 100L, 150L), (difference.Total, difference.PerKey["k0"], difference.PerKey["k1"]));
    }

    [Fact]
    public void Acknowledged_increments_missing_after_recovery_are_lost_and_break_the_scenario()
    {
        ScenarioOutcome outcome = Outcome(Client(sent: 1000, acknowledged: 1000), total: 940);
        Assert.Equal(60, outcome.Lost);
        Assert.False(outcome.Held);
        Assert.Contains(outcome.Checks, c => c is { Name: "acknowledged ≤ total", Held: false });
    }

    [Fact]
    public void A_total_above_what_was_sent_is_a_double_count()
    {
        ScenarioOutcome outcome = Outcome(Client(sent: 1000, acknowledged: 1000), total: 1020);
        Assert.Equal(0, outcome.Lost);
        Assert.Contains(outcome.Checks, c => c is { Name: "total ≤ sent", Held: false });
        Assert.False(outcome.Held);
    }

    [Fact]
    public void A_killed_clients_last_tick_bounds_the_total_from_below_only()
    {
        ScenarioOutcome outcome = Outcome(Client(sent: 1000, acknowledged: 800, killed: true), total: 1100);
        Assert.True(outcome.Held);
        Assert.Contains(outcome.Checks, c => c is { Name: "total ≤ sent", Held: null });
    }

    [Fact]
    public void A_finished_load_must_be_counted_exactly()
    {
        Assert.True(Outcome(Client(sent: 1000, acknowledged: 1000), total: 1000, exact: true).Held);
        Assert.False(Outcome(Client(sent: 1000, acknowledged: 990, unacknowledged: 10), total: 995, exact: true).Held);
    }

    [Fact]
    public void Recovery_runs_from_the_kill_until_the_last_counter_acknowledges_again()
    {
        // The load's own gap ends at 9.3 s, when k0 answered first; k1 came back at 12.1 s; k2 never stalled.
        // k1's stall 20 s before the kill is not this kill's.
        ClientOutcome client = WithCounters(
            Client(sent: 1000, acknowledged: 1000, gaps: [Gap(-20, -18), Gap(0.3, 9.3)]),
            ("k0", 30, [Gap(0.3, 9.3)]), ("k1", 30, [Gap(-20, -18), Gap(0.3, 12.1)]), ("k2", 30, []));
        ScenarioOutcome outcome = Outcome(client, total: 1000, faults: [new FaultEvent("B", FaultKind.Kill, "hosting counters", Kill)]);

        FaultRecovery recovery = outcome.Recoveries.Single();
        Assert.Equal((12.1, "k1"), (Math.Round(recovery.Seconds!.Value, 3), recovery.SlowestCounter));
        Assert.Equal("12.1 s (k1 last)", outcome.RecoveryText);
        Assert.Equal("12.1 s (k1 last)", Cell(Render(outcome), "L (", ChaosTable.RecoveryColumn));
    }

    [Fact]
    public void A_counters_stall_that_began_within_the_acknowledgement_timeout_after_the_kill_is_the_kills()
    {
        // k0 answered once more just after the kill (its batch was already on a live node), then waited on the window.
        ClientOutcome client = WithCounters(Client(sent: 1000, acknowledged: 1000), ("k0", 30, [Gap(0.4, 10.6)]), ("k1", 30, [Gap(-0.2, 8)]));
        ScenarioOutcome outcome = Outcome(client, total: 1000, faults: [new FaultEvent("B", FaultKind.Kill, "hosting counters", Kill)]);
        Assert.Equal("10.6 s (k0 last)", outcome.RecoveryText);
    }

    [Fact]
    public void A_counter_silent_after_the_kill_is_named_not_counted_as_recovered()
    {
        ClientOutcome client = WithCounters(
            Client(sent: 1000, acknowledged: 900, unacknowledged: 100, gaps: [Gap(0.3, 9.3)]),
            ("k0", 30, [Gap(0.3, 9.3)]), ("k1", -0.5, []));
        ScenarioOutcome outcome = Outcome(client, total: 1000, faults: [new FaultEvent("B", FaultKind.Kill, "hosting counters", Kill)]);
        Assert.Equal(["k1"], outcome.Recoveries.Single().Silent);
        Assert.Equal("k1 silent to the end", outcome.RecoveryText);
    }

    [Fact]
    public void A_kill_followed_by_no_stall_recovers_in_under_a_second()
    {
        ClientOutcome client = WithCounters(Client(sent: 1000, acknowledged: 1000), ("k0", 30, []), ("k1", 30, []));
        ScenarioOutcome outcome = Outcome(client, total: 1000, faults: [new FaultEvent("B", FaultKind.Kill, "hosting counters", Kill)]);
        Assert.Null(outcome.Recoveries.Single().Seconds);
        Assert.Equal("< 1 s", outcome.RecoveryText);
    }

    [Fact]
    public void A_recovery_that_cannot_be_measured_says_why_instead_of_under_a_second()
    {
        var kill = new FaultEvent("B", FaultKind.Kill, "hosting counters", Kill);
        Assert.StartsWith("? (L's report has no per-counter times)", Outcome(Client(sent: 1000, acknowledged: 1000), total: 1000, faults: [kill]).RecoveryText);
        ClientOutcome doneBefore = WithCounters(Client(sent: 1000, acknowledged: 1000), ("k0", -5, []), ("k1", -5, []));
        Assert.Equal("n/a (no acknowledgement after the fault)", Outcome(doneBefore, total: 1000, faults: [kill]).RecoveryText);
    }

    [Fact]
    public void Acknowledgements_that_came_back_only_after_the_wake_up_break_a_freeze_scenario()
    {
        // Frozen 20 s: k1's stall ended at 22.6 s, after the wake-up (the survivors waited for the frozen node).
        ClientOutcome client = WithCounters(Client(sent: 1000, acknowledged: 1000), ("k0", 30, [Gap(0.5, 12)]), ("k1", 30, [Gap(0.5, 22.6)]));
        ScenarioOutcome late = Outcome(client, total: 1000, faults: [Freeze(woken: 20)]);
        Assert.Contains(late.Checks, c => c is { Name: "acks resumed while S was frozen", Held: false });
        Assert.False(late.Held);

        ClientOutcome resumed = WithCounters(Client(sent: 1000, acknowledged: 1000), ("k0", 30, [Gap(0.5, 12)]), ("k1", 30, [Gap(0.5, 12.4)]));
        ScenarioOutcome held = Outcome(resumed, total: 1000, faults: [Freeze(woken: 20)]);
        Assert.Contains(held.Checks, c => c is { Name: "acks resumed while S was frozen", Held: true });
        Assert.True(held.Held);
    }

    [Fact]
    public void A_fault_that_ended_before_the_survivors_could_serve_the_downed_nodes_counters_is_not_judged()
    {
        // chaos --fault-seconds 10, as measured: B cut off for 10.2 s, downed at 5.7 s; its counter k3 acked again at 10.7 s.
        // After a downing the survivors wait the down-removal margin (2 s) before the shards move, and a waiting batch is
        // retried only after the ack timeout (3 s): 5.7 + 5 = 10.7, so a resumption after the heal at 10.2 s says nothing.
        ClientOutcome client = WithCounters(Client(sent: 1000, acknowledged: 1000), ("k0", 30, [Gap(0.5, 6)]), ("k3", 30, [Gap(0.5, 10.7)]));
        ScenarioOutcome tooShort = Outcome(client, total: 1000, faults: [Partition(healed: 10.2, downed: 5.7)]);
        ScenarioCheck check = Assert.Single(tooShort.Checks, c => c.Name == "acks resumed while S was cut off");
        Assert.Null(check.Held);
        Assert.Contains("--fault-seconds", check.Detail, StringComparison.Ordinal);
        Assert.True(tooShort.Held);

        // The same resumption after a 20 s partition, downed at 5.7 s: the survivors had 14 s to serve k3 and did not.
        ClientOutcome late = WithCounters(Client(sent: 1000, acknowledged: 1000), ("k0", 30, [Gap(0.5, 6)]), ("k3", 30, [Gap(0.5, 20.5)]));
        ScenarioOutcome longEnough = Outcome(late, total: 1000, faults: [Partition(healed: 20, downed: 5.7)]);
        Assert.Contains(longEnough.Checks, c => c is { Name: "acks resumed while S was cut off", Held: false });

        // Downed only after the wake-up: the freeze was too short for the survivors to have moved anything.
        ScenarioOutcome downedLater = Outcome(late, total: 1000, faults: [Freeze(woken: 20) with { DownedAt = Kill.AddSeconds(20.3) }]);
        Assert.Contains(downedLater.Checks, c => c is { Name: "acks resumed while S was frozen", Held: null });
    }

    [Fact]
    public void A_counter_still_silent_at_the_end_of_a_freeze_for_ever_breaks_the_scenario()
    {
        ClientOutcome client = WithCounters(Client(sent: 1000, acknowledged: 900, unacknowledged: 100), ("k0", 30, [Gap(0.5, 12)]), ("k1", -0.5, []));
        ScenarioOutcome outcome = Outcome(client, total: 1000, faults: [Freeze(woken: null)]);
        Assert.Contains(outcome.Checks, c => c is { Name: "acks resumed while S was frozen", Held: false });
    }

    [Fact]
    public void A_frozen_client_is_not_held_to_exactly_once_but_the_clients_that_lived_are()
    {
        // S was frozen with 460 increments in flight; some of them reached the journal (total 200,140 > L's 200,000 + S's acked).
        ClientOutcome frozen = Client(sent: 100_460, acknowledged: 100_000, unacknowledged: 460, node: "S") with { Frozen = true };
        ClientOutcome lived = Client(sent: 200_000, acknowledged: 200_000, node: "L");
        ScenarioOutcome outcome = Outcome([frozen, lived], total: 300_140, exact: true);
        Assert.Contains(outcome.Checks, c => c is { Name: "sent = acknowledged for every client that lived", Held: true });
        Assert.True(outcome.Held);

        ClientOutcome unfinished = Client(sent: 200_000, acknowledged: 199_980, unacknowledged: 20, node: "L");
        Assert.False(Outcome([frozen, unfinished], total: 300_140, exact: true).Held);
    }

    [Fact]
    public void A_client_on_the_losing_side_of_a_partition_is_not_held_to_exactly_once()
    {
        ClientOutcome downed = Client(sent: 279_780, acknowledged: 279_440, unacknowledged: 340, node: "B") with { Downed = true };
        ClientOutcome lived = Client(sent: 200_000, acknowledged: 200_000, node: "L");
        ScenarioOutcome outcome = Outcome([downed, lived], total: 479_780, exact: true);
        Assert.Contains(outcome.Checks, c => c is { Name: "sent = acknowledged for every client that lived", Held: true });
        Assert.Contains(outcome.Checks, c => c is { Name: "total ≤ sent", Held: true });
        Assert.False(Outcome([downed, lived], total: 479_800, exact: true).Held); // 20 more than both sent: counted twice
    }

    [Fact]
    public void The_time_to_downing_is_the_latest_of_the_survivors_first_sight_of_the_node_down()
    {
        var fault = new FaultEvent("S", FaultKind.Freeze, "the oldest", Kill);
        Assert.Null(fault.SecondsToDowning);
        Assert.Equal(6.5, (fault with { DownedAt = Kill.AddSeconds(6.5) }).SecondsToDowning);
        Assert.Equal(("freeze (for ever)", "freeze 20 s"), (fault.KindText, (fault with { Length = TimeSpan.FromSeconds(20) }).KindText));
    }

    [Fact]
    public void The_duplicates_suppressed_column_shows_what_the_client_saw_suppressed()
    {
        // A retried batch the counter had already persisted: acknowledged as a duplicate, not counted again.
        ScenarioOutcome outcome = Outcome(Client(sent: 100_000, acknowledged: 100_000, retried: 1_920, duplicates: 1_620), total: 100_000);
        Assert.Equal("1,620", Cell(Render(outcome), "L (", "duplicates suppressed"));
    }

    [Fact]
    public void The_duplicates_suppressed_column_adds_up_every_clients_report()
    {
        ScenarioOutcome outcome = Outcome(
            [Client(sent: 60_000, acknowledged: 60_000, retried: 900, duplicates: 640, node: "L"),
             Client(sent: 40_000, acknowledged: 40_000, retried: 300, duplicates: 240, node: "M")],
            total: 100_000);
        string table = Render(outcome);
        Assert.Equal(("640", "240", "880"),
            (Cell(table, "L (", "duplicates suppressed"), Cell(table, "M (", "duplicates suppressed"), Cell(table, "all clients", "duplicates suppressed")));
    }

    /// <summary>The scenario's table as <c>chaos</c> prints it, without colour, 200 columns wide.</summary>
    private static string Render(ScenarioOutcome outcome)
    {
        var writer = new StringWriter();
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = 200;
        ChaosTable.Print(console, outcome);
        return writer.ToString();
    }

    /// <summary>The text in <paramref name="column"/> of the table row whose first cell starts with <paramref name="row"/>.</summary>
    private static string Cell(string table, string row, string column)
    {
        string[][] rows = table.Split('\n')
            .Select(line => line.Split('│'))
            .Where(cells => cells.Length > 2)
            .Select(cells => cells[1..^1].Select(c => c.Trim()).ToArray())
            .ToArray();
        int index = Array.IndexOf(rows[0], column);
        Assert.True(index > 0, $"no column '{column}' in\n{table}");
        string[] found = Assert.Single(rows, cells => cells[0].StartsWith(row, StringComparison.Ordinal));
        return found[index];
    }

    /// <summary>A freeze of S at the kill instant, woken <paramref name="woken"/> seconds later (null: never).</summary>
    private static FaultEvent Freeze(double? woken) =>
        new("S", FaultKind.Freeze, "the oldest", Kill)
        {
            Length = woken is { } w ? TimeSpan.FromSeconds(w) : null,
            EndedAt = woken is { } end ? Kill.AddSeconds(end) : null,
        };

    /// <summary>A partition of S at the kill instant, healed <paramref name="healed"/> seconds later, S downed at <paramref name="downed"/>.</summary>
    private static FaultEvent Partition(double healed, double downed) =>
        new("S", FaultKind.Partition, "the oldest", Kill)
        {
            Length = TimeSpan.FromSeconds(healed),
            EndedAt = Kill.AddSeconds(healed),
            DownedAt = Kill.AddSeconds(downed),
        };

    private static AckGap Gap(double from, double to) => new(Kill.AddSeconds(from), Kill.AddSeconds(to), to - from);

    private static ClientOutcome Client(long sent, long acknowledged, long unacknowledged = 0, bool killed = false, AckGap[]? gaps = null, long retried = 0, long duplicates = 0, string node = "L") =>
        new(node, new NodeReport
        {
            Node = node, Sent = sent, Acknowledged = acknowledged, Unacknowledged = unacknowledged, Retried = retried, DuplicatesSuppressed = duplicates,
            Final = !killed, Reason = killed ? "running" : "completed", AckGaps = gaps ?? [],
        }, killed);

    /// <summary><paramref name="client"/> with per-counter times: each counter's last acknowledgement and its gaps, in seconds from the kill.</summary>
    private static ClientOutcome WithCounters(ClientOutcome client, params (string Key, double LastAck, AckGap[] Gaps)[] counters) => client with
    {
        Report = client.Report with
        {
            LastAckPerKey = counters.ToDictionary(c => c.Key, c => Kill.AddSeconds(c.LastAck)),
            AckGapsPerKey = counters.Where(c => c.Gaps.Length > 0).ToDictionary(c => c.Key, c => (IReadOnlyList<AckGap>)c.Gaps),
        },
    };

    private static ScenarioOutcome Outcome(ClientOutcome client, long total, bool exact = false, FaultEvent[]? faults = null) => Outcome([client], total, exact, faults);

    private static ScenarioOutcome Outcome(ClientOutcome[] clients, long total, bool exact = false, FaultEvent[]? faults = null) => new()
    {
        Scenario = "spec",
        Description = "numbers only",
        Journal = "sqlite",
        ExactlyOnce = true,
        ExpectsExactTotal = exact,
        Clients = clients,
        Faults = faults ?? [],
        Recovered = new ReadTotalReport { Total = total },
        Events = [],
        Folder = "/nowhere",
    };
}
