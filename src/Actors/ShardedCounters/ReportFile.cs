using System.Text.Json;

namespace ActorConcurrency.Actors.ShardedCounters;

/// <summary>
/// How the node's report files are written and read: one JSON object (camelCase, indented), replaced atomically
/// (written beside the file, then renamed over it), so a reader — the crash harness, even after a <c>kill -9</c> of
/// the writer — finds the last complete report and never a torn one. The records of <see cref="NodeReport"/> and
/// <see cref="ReadTotalReport"/> go through here on both sides, so the writer and every reader agree on the format.
/// </summary>
internal static class ReportFile
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Replaces <paramref name="path"/> with <paramref name="report"/>, atomically.</summary>
    public static void Write<T>(string path, T report)
    {
        string full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        string temporary = full + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(report, Json));
        File.Move(temporary, full, overwrite: true);
    }

    /// <summary>The report in <paramref name="path"/>; an <see cref="InvalidDataException"/> when the file holds <c>null</c>.</summary>
    public static T Read<T>(string path) =>
        JsonSerializer.Deserialize<T>(File.ReadAllText(path), Json) ?? throw new InvalidDataException($"{path} holds no report");
}
