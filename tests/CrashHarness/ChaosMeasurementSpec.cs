using System.Text.Json;
using ActorConcurrency.Host.Chaos;

namespace ActorConcurrency.CrashHarness;

/// <summary>
/// How the harness reads a node (its status line, its report file, read-total's report) and what it concludes
/// from the numbers: the parsing and the arithmetic, checked without any process.
/// </summary>
public sealed class ChaosMeasurementSpec
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly DateTimeOffset Kill = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_status_line_is_read_with_its_thousands_separators()
    {
        NodeStatus? status = NodeStatus.TryParse("09:12:42 members Up 3, unreachable 1 | shards here 4, counters here 3 | total k0..k9 = 1,234,567");
        Assert.Equal(new NodeStatus(3, 1, 4, 3, 1_234_567), status);
    }

    [Theory]
    [InlineData("09:12:42 load: sent 1,200 | acknowledged 1,100 | retried 0 | in flight 100")]
    [InlineData("node akka.tcp://counters@127.0.0.1:39311 is Up and its counter region is ready")]
    [InlineData("")]
    public void Other_lines_are_not_status_lines(string line) => Assert.Null(NodeStatus.TryParse(line));

    [Fact]
    public void A_report_file_is_read_with_its_acknowledgement_gaps()
    {
        const string text = """
            {"node":"akka.tcp://counters@127.0.0.1:4000","pid":42,"sent":1000,"acknowledged":900,"retried":20,"inFlight":100,
             "unacknowledged":100,"deadLetters":3,"handOffDrops":2,"loadComplete":false,"final":true,"reason":"interrupted",
             "ackGaps":[{"from":"2026-12-01T09:00:00.5Z","to":"2026-12-01T09:00:09.5Z","seconds":9.0}]}
            """;
        NodeReport report = JsonSerializer.Deserialize<NodeReport>(text, Json)!;
        Assert.Equal((42, 1000L, 900L, 20L, 100L, "interrupted", true), (report.Pid, report.Sent, report.Acknowledged, report.Retried, report.Unacknowledged, report.Reason, report.Final));
        AckGap gap = Assert.Single(report.AckGaps);
        Assert.Equal(Kill.AddSeconds(9.5), gap.To);
    }

    [Fact]
    public void A_shared_database_is_measured_from_the_reading_before_the_scenario()
    {
        var before = new ReadTotalReport { Total = 100, PerKey = new Dictionary<string, long> { ["k0"] = 60, ["k1"] = 40 }, DuplicatesSuppressed = 2 };
        var after = new ReadTotalReport { Total = 350, PerKey = new Dictionary<string, long> { ["k0"] = 160, ["k1"] = 190 }, DuplicatesSuppressed = 5 };
        ReadTotalReport difference = after.Minus(before);
        Assert.Equal((250L, 100L, 150L, 3L), (difference.Total, difference.PerKey["k0"], difference.PerKey["k1"], difference.DuplicatesSuppressed));
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
    public void Recovery_time_runs_from_the_kill_to_the_end_of_the_stall_that_followed_it()
    {
        var gaps = new[] { new AckGap(Kill.AddSeconds(-20), Kill.AddSeconds(-18), 2), new AckGap(Kill.AddSeconds(0.3), Kill.AddSeconds(9.3), 9) };
        ScenarioOutcome outcome = Outcome(Client(sent: 1000, acknowledged: 1000, gaps: gaps), total: 1000, kills: [new KillEvent("B", "hosting counters", Kill)]);
        Assert.Equal(9.3, outcome.Recoveries.Single().Seconds!.Value, 3);
        Assert.Equal("9.3 s", outcome.RecoveryText);
    }

    [Fact]
    public void A_kill_followed_by_no_stall_recovers_in_under_a_second()
    {
        ScenarioOutcome outcome = Outcome(Client(sent: 1000, acknowledged: 1000), total: 1000, kills: [new KillEvent("B", "hosting counters", Kill)]);
        Assert.Null(outcome.Recoveries.Single().Seconds);
        Assert.Equal("< 1 s", outcome.RecoveryText);
    }

    private static ClientOutcome Client(long sent, long acknowledged, long unacknowledged = 0, bool killed = false, AckGap[]? gaps = null) =>
        new("L", new NodeReport { Sent = sent, Acknowledged = acknowledged, Unacknowledged = unacknowledged, Final = !killed, Reason = killed ? "running" : "completed", AckGaps = gaps ?? [] }, killed);

    private static ScenarioOutcome Outcome(ClientOutcome client, long total, bool exact = false, KillEvent[]? kills = null) => new()
    {
        Scenario = "spec",
        Description = "numbers only",
        Journal = "sqlite",
        ExactlyOnce = true,
        ExpectsExactTotal = exact,
        Clients = [client],
        Kills = kills ?? [],
        Recovered = new ReadTotalReport { Total = total },
        Events = [],
        Folder = "/nowhere",
    };
}
