using System.Globalization;
using System.Text.RegularExpressions;

namespace ActorConcurrency.Chaos;

/// <summary>
/// One status line of a node, as it prints it every <c>--status-every</c>:
/// <c>HH:mm:ss members Up 3, unreachable 0 | shards here 4, counters here 3 | total k0..k9 = 1,234</c>, or, when its
/// region did not answer in time, <c>HH:mm:ss members Up 2, unreachable 1 | no answer within 5 s … | …</c>: then only
/// the membership is new (<see cref="RegionAnswered"/> false) and the other figures are the last ones it printed.
/// </summary>
internal sealed partial record NodeStatus(int MembersUp, int Unreachable, int ShardsHere, int CountersHere, long Total)
{
    /// <summary>False when the line said only who is a member (the region did not answer within its time).</summary>
    public bool RegionAnswered { get; init; } = true;

    /// <summary>The status in <paramref name="line"/>, or null when the line is not a status line.</summary>
    public static NodeStatus? TryParse(string line) => TryParse(line, previous: null);

    /// <summary>
    /// The status in <paramref name="line"/>, or null when the line is not a status line; a line with the membership
    /// only keeps <paramref name="previous"/>'s shard and total figures (0 without one).
    /// </summary>
    public static NodeStatus? TryParse(string line, NodeStatus? previous)
    {
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
