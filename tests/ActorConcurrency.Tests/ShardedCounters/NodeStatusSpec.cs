using ActorConcurrency.Actors.ShardedCounters;

namespace ActorConcurrency.Tests.ShardedCounters;

/// <summary>
/// The node's status line is one format: what <see cref="NodeStatus.Format"/> writes (the <c>node</c> command's line),
/// <see cref="NodeStatus.TryParse(string, NodeStatus?)"/> reads back (the chaos harness), whatever the styling.
/// </summary>
public sealed class NodeStatusSpec
{
    private static readonly DateTime At = new(2026, 12, 7, 9, 12, 42);

    [Fact]
    public void A_status_line_is_read_with_its_thousands_separators()
    {
        NodeStatus? status = NodeStatus.TryParse("09:12:42 members Up 3, unreachable 1 | shards here 4, counters here 3 | total k0..k9 = 1,234,567");
        Assert.Equal(new NodeStatus(3, 1, 4, 3, 1_234_567), status);
    }

    [Fact]
    public void A_status_line_whose_region_did_not_answer_still_says_who_is_a_member()
    {
        NodeStatus before = new(3, 0, 4, 3, 1_000);
        NodeStatus? status = NodeStatus.TryParse(
            "09:12:47 members Up 2, unreachable 0 | no answer within 5 s (shards moving or a member unreachable) | dead letters 0, shard drops 0", before);
        Assert.Equal(new NodeStatus(2, 0, 4, 3, 1_000) { RegionAnswered = false }, status);
    }

    [Theory]
    [InlineData("09:12:42 load: sent 1,200 | acknowledged 1,100 | retried 0 | in flight 100")]
    [InlineData("node akka.tcp://counters@127.0.0.1:39311 is Up and its counter region is ready")]
    [InlineData("")]
    public void Other_lines_are_not_status_lines(string line) => Assert.Null(NodeStatus.TryParse(line));

    [Fact]
    public void What_the_node_writes_is_what_the_harness_reads()
    {
        var written = new NodeStatus(3, 1, 4, 3, 1_234_567);
        string line = written.Format(At, "k0..k9", 12, 3, "journal locked: SQLite's write lock held by pid 42 (stopped) for 4 s", TimeSpan.FromSeconds(5));

        Assert.Equal(
            "09:12:42 members Up 3, unreachable 1 | shards here 4, counters here 3 | total k0..k9 = 1,234,567 | dead letters 12, shard drops 3 | journal locked: SQLite's write lock held by pid 42 (stopped) for 4 s",
            line);
        Assert.Equal(written, NodeStatus.TryParse(line));
    }

    [Fact]
    public void A_line_without_the_regions_answer_round_trips_to_the_membership_and_the_figures_before()
    {
        var before = new NodeStatus(3, 0, 4, 3, 1_000);
        string line = new NodeStatus(2, 1, 0, 0, 0) { RegionAnswered = false }.Format(At, "k0..k9", 0, 0, null, TimeSpan.FromSeconds(5));

        Assert.Equal("09:12:42 members Up 2, unreachable 1 | no answer within 5 s (shards moving, a member unreachable or the journal waiting) | dead letters 0, shard drops 0", line);
        Assert.Equal(new NodeStatus(2, 1, 4, 3, 1_000) { RegionAnswered = false }, NodeStatus.TryParse(line, before));
    }

    [Fact]
    public void Styling_the_line_as_the_console_does_changes_nothing_a_reader_parses()
    {
        var written = new NodeStatus(2, 0, 5, 5, 987_654);
        string styled = written.Format(At, "k0..k4", 0, 0, null, TimeSpan.FromSeconds(5), emphasis: t => $"[bold]{t}[/]");

        Assert.Contains("total k0..k4 = [bold]987,654[/]", styled);
        Assert.Equal(written, NodeStatus.TryParse(Spectre.Console.Markup.Remove(styled)));
    }
}
