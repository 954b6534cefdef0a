using System.Globalization;
using System.Text.RegularExpressions;

namespace ActorConcurrency.Actors.ShardedCounters;

/// <summary>
/// One status line of a node, the one format its writer (the <c>node</c> command, every <c>--status-every</c>) and its
/// readers (the chaos harness) share:
/// <c>HH:mm:ss members Up 3, unreachable 0 | shards here 4, counters here 3 | total k0..k9 = 1,234 | dead letters 0, shard drops 0</c>,
/// then <c> | </c> and the journal's lock when one is held. When the node's region did not answer within its time the
/// middle says so instead (<c>no answer within 5 s …</c>): such a line carries only the membership, and a reader keeps
/// the shard and total figures of the line before (<see cref="RegionAnswered"/> false).
/// </summary>
/// <param name="MembersUp">Cluster members with status Up, as this node sees them.</param>
/// <param name="Unreachable">Members this node sees as unreachable.</param>
/// <param name="ShardsHere">Shards hosted on this node that hold a counter.</param>
/// <param name="CountersHere">Counters (entities) hosted on this node.</param>
/// <param name="Total">The total of the node's counters, read by the monotonic reader.</param>
public sealed partial record NodeStatus(int MembersUp, int Unreachable, int ShardsHere, int CountersHere, long Total)
{
    /// <summary>False when the line said only who is a member (the region did not answer within its time).</summary>
    public bool RegionAnswered { get; init; } = true;

    /// <summary>
    /// The line, with <paramref name="keys"/> (<c>k0..k9</c>), the lost-message counts and, when held, the journal's lock
    /// (<paramref name="journalLock"/>); <paramref name="noAnswerWithin"/> is the budget a region that did not answer had.
    /// <paramref name="emphasis"/>, <paramref name="warning"/> and <paramref name="alarm"/> style the total, the missing
    /// answer and the lock (a console's markup; the identity by default, and they must not change the text a reader parses).
    /// </summary>
    public string Format(
        DateTime at,
        string keys,
        long deadLetters,
        long shardDrops,
        string? journalLock,
        TimeSpan noAnswerWithin,
        Func<string, string>? emphasis = null,
        Func<string, string>? warning = null,
        Func<string, string>? alarm = null)
    {
        static string Same(string text) => text;
        emphasis ??= Same;
        warning ??= Same;
        alarm ??= Same;
        string middle = RegionAnswered
            ? string.Create(CultureInfo.InvariantCulture, $"shards here {ShardsHere}, counters here {CountersHere} | total {keys} = ") + emphasis(Total.ToString("N0", CultureInfo.InvariantCulture))
            : warning(string.Create(CultureInfo.InvariantCulture, $"no answer within {noAnswerWithin.TotalSeconds:0} s (shards moving, a member unreachable or the journal waiting)"));
        return string.Create(CultureInfo.InvariantCulture, $"{at:HH:mm:ss} members Up {MembersUp}, unreachable {Unreachable} | ") + middle +
            string.Create(CultureInfo.InvariantCulture, $" | dead letters {deadLetters:N0}, shard drops {shardDrops:N0}") +
            (journalLock is null ? "" : " | " + alarm(journalLock));
    }

    /// <summary>The status in <paramref name="line"/>, or null when the line is not a status line.</summary>
    public static NodeStatus? TryParse(string line) => TryParse(line, previous: null);

    /// <summary>
    /// The status in <paramref name="line"/>, or null when the line is not a status line; a line with the membership
    /// only keeps <paramref name="previous"/>'s shard and total figures (0 without one).
    /// </summary>
    public static NodeStatus? TryParse(string line, NodeStatus? previous)
    {
        ArgumentNullException.ThrowIfNull(line);
        Match match = StatusPattern().Match(line);
        if (match.Success)
        {
            return new NodeStatus(
                Int(match, "up"),
                Int(match, "unreachable"),
                Int(match, "shards"),
                Int(match, "counters"),
                long.Parse(match.Groups["total"].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture));
        }

        match = MembersOnlyPattern().Match(line);
        return match.Success
            ? new NodeStatus(Int(match, "up"), Int(match, "unreachable"), previous?.ShardsHere ?? 0, previous?.CountersHere ?? 0, previous?.Total ?? 0)
            {
                RegionAnswered = false,
            }
            : null;
    }

    private static int Int(Match match, string group) => int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"members Up (?<up>\d+), unreachable (?<unreachable>\d+) \| shards here (?<shards>\d+), counters here (?<counters>\d+) \| total \S+ = (?<total>[\d,]+)")]
    private static partial Regex StatusPattern();

    [GeneratedRegex(@"^\d\d:\d\d:\d\d members Up (?<up>\d+), unreachable (?<unreachable>\d+) \|")]
    private static partial Regex MembersOnlyPattern();
}
