using System.Text.Json;
using System.Text.Json.Serialization;
using ActorConcurrency.Actors.ShardedCounters;

namespace ActorConcurrency.Host.Node;

/// <summary>
/// What <c>node --report FILE</c> writes at every status tick and at exit: the load's figures as this node saw
/// them. The file is replaced atomically (written beside it, then renamed), so a reader, or the crash harness
/// after a <c>kill -9</c>, always finds the last complete report and never a torn one.
/// </summary>
internal sealed record NodeReport(
    string Node,
    int Pid,
    long Sent,
    long Acknowledged,
    long Retried,
    long InFlight,
    long Unacknowledged,
    long DuplicatesSuppressed,
    long DeadLetters,
    long HandOffDrops,
    bool LoadComplete,
    bool Final,
    string Reason,
    IReadOnlyList<NodeReport.Gap> AckGaps)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>A load's figures at one moment.</summary>
    public static NodeReport From(string node, IncrementReport load, LostMessages lost, bool loadComplete, bool final, string reason) =>
        new(
            node,
            Environment.ProcessId,
            load.Sent,
            load.Acknowledged,
            load.Retried,
            load.InFlight,
            load.Unacknowledged,
            load.DuplicatesSuppressed,
            lost.DeadLetters,
            lost.ShardDrops,
            loadComplete,
            final,
            reason,
            load.AcknowledgementGaps.Select(g => new Gap(g.FromUtc, g.ToUtc, Math.Round(g.Duration.TotalSeconds, 3))).ToArray());

    /// <summary>Replaces <paramref name="path"/> with this report, atomically.</summary>
    public void WriteTo(string path) => WriteAtomically(path, JsonSerializer.Serialize(this, Json));

    /// <summary>Writes <paramref name="text"/> beside <paramref name="path"/>, then renames it over the old file.</summary>
    public static void WriteAtomically(string path, string text)
    {
        string full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        string temporary = full + ".tmp";
        File.WriteAllText(temporary, text);
        File.Move(temporary, full, overwrite: true);
    }

    /// <summary>A stretch of more than a second without acknowledgement.</summary>
    internal sealed record Gap(DateTime From, DateTime To, double Seconds);
}
