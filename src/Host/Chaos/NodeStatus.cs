using System.Globalization;
using System.Text.RegularExpressions;

namespace ActorConcurrency.Host.Chaos;

/// <summary>
/// One status line of a node, as it prints it every <c>--status-every</c>:
/// <c>HH:mm:ss members Up 3, unreachable 0 | shards here 4, counters here 3 | total k0..k9 = 1,234</c>.
/// </summary>
internal sealed partial record NodeStatus(int MembersUp, int Unreachable, int ShardsHere, int CountersHere, long Total)
{
    /// <summary>The status in <paramref name="line"/>, or null when the line is not a status line.</summary>
    public static NodeStatus? TryParse(string line)
    {
        Match match = StatusPattern().Match(line);
        if (!match.Success)
        {
            return null;
        }

        return new NodeStatus(
            int.Parse(match.Groups["up"].Value, CultureInfo.InvariantCulture),
            int.Parse(match.Groups["unreachable"].Value, CultureInfo.InvariantCulture),
            int.Parse(match.Groups["shards"].Value, CultureInfo.InvariantCulture),
            int.Parse(match.Groups["counters"].Value, CultureInfo.InvariantCulture),
            long.Parse(match.Groups["total"].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"members Up (?<up>\d+), unreachable (?<unreachable>\d+) \| shards here (?<shards>\d+), counters here (?<counters>\d+) \| total \S+ = (?<total>[\d,]+)")]
    private static partial Regex StatusPattern();
}
