using System.Text.Json;
using static ActorConcurrency.Host.BenchReport.JsonFields;

namespace ActorConcurrency.Host.BenchReport;

/// <summary>
/// Reads the <c>*-report-groups.json</c> sidecar the bench project's <c>GroupsExporter</c> writes beside each
/// BenchmarkDotNet full export: per case the baseline, categories, job, error, custom columns, rate and load, and per
/// file the report session, core count and the load around each class. The full JSON says none of these.
/// </summary>
internal static class BenchmarkSidecarReader
{
    /// <summary>What the sidecar says of one case (older sidecars have only the baseline and categories; <c>Rate</c> only for a class charted as a rate).</summary>
    internal sealed record Sidecar(bool Baseline, string Categories, double? ErrorNs, double? StdDevNs, BenchmarkJob? Job, IReadOnlyDictionary<string, string>? Columns, string? Rate, MachineLoad? Load);

    /// <summary>
    /// The sidecar's entry per full name; null (and an error line) when missing or unreadable. Its report session and
    /// core count go into <paramref name="run"/>, its per-class load readings into <paramref name="loads"/>.
    /// </summary>
    public static Dictionary<string, Sidecar>? Read(string file, List<string> errors, List<string> warnings, List<ClassLoad> loads, ref BenchmarkRun run)
    {
        string sidecar = file[..^BenchmarkResultsReader.FullJsonSuffix.Length] + BenchmarkResultsReader.GroupsSuffix;
        if (!File.Exists(sidecar))
        {
            warnings.Add($"{file}: no {Path.GetFileName(sidecar)} beside it, so baselines are unknown and ratios are left out");
            return null;
        }

        try
        {
            using JsonDocument document = ParseFile(sidecar);
            var map = new Dictionary<string, Sidecar>();
            JsonElement root = document.RootElement;
            if (root.TryGetProperty("Session", out JsonElement session) && session.ValueKind == JsonValueKind.Object)
            {
                run = run with { Session = Text(session, "Id") is { Length: > 0 } id ? id : null, Part = Text(session, "Part") is { Length: > 0 } part ? part : null };
            }

            if (run.Cores is null && Int(root, "Cores") is { } cores)
            {
                run = run with { Cores = cores };
            }

            if (root.TryGetProperty("Classes", out JsonElement classes) && classes.ValueKind == JsonValueKind.Array)
            {
                foreach (JsonElement c in classes.EnumerateArray())
                {
                    JsonElement load = c.TryGetProperty("Load", out JsonElement l) ? l : default;
                    loads.Add(new ClassLoad(Text(c, "Type"), file, LoadAverages(load, "Before"), LoadAverages(load, "After"), load.ValueKind == JsonValueKind.Object ? Number(load, "OtherCpuCores") : null));
                }
            }

            foreach (JsonElement b in document.RootElement.GetProperty("Benchmarks").EnumerateArray())
            {
                string categories = b.TryGetProperty("Categories", out JsonElement cats) && cats.ValueKind == JsonValueKind.Array
                    ? string.Join(", ", cats.EnumerateArray().Select(c => c.GetString()))
                    : "";
                BenchmarkJob? job = null;
                if (b.TryGetProperty("Job", out JsonElement j) && j.ValueKind == JsonValueKind.Object
                    && b.TryGetProperty("Measured", out JsonElement measured) && measured.ValueKind == JsonValueKind.Object)
                {
                    job = new BenchmarkJob(
                        Text(j, "Id") is { Length: > 0 } id ? id : "unknown job",
                        Int(measured, "Launches"),
                        Int(measured, "Iterations") ?? 0,
                        Int(j, "WarmupCount"));
                }

                Dictionary<string, string>? columns = b.TryGetProperty("Columns", out JsonElement cols) && cols.ValueKind == JsonValueKind.Object
                    ? cols.EnumerateObject().Where(c => c.Value.ValueKind == JsonValueKind.String && IsValue(c.Value.GetString()))
                        .ToDictionary(c => c.Name, c => c.Value.GetString()!)
                    : null;
                map[b.GetProperty("FullName").GetString()!] = new Sidecar(
                    b.GetProperty("Baseline").GetBoolean(), categories, Number(b, "ErrorNs"), Number(b, "StdDevNs"), job, columns,
                    Text(b, "Rate") is { Length: > 0 } rate ? rate : null,
                    ReadLoad(b));
            }

            return map;
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or IOException)
        {
            errors.Add($"{sidecar}: {ex.Message}");
            return null;
        }
    }

    /// <summary>A case's load readings (1-minute averages before and after, other processes' CPU), or null when the sidecar has none.</summary>
    private static MachineLoad? ReadLoad(JsonElement benchmark)
    {
        if (!benchmark.TryGetProperty("Load", out JsonElement load) || load.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        return new MachineLoad(LoadAverages(load, "Before")?[0], LoadAverages(load, "After")?[0], Number(load, "OtherCpuCores"));
    }

    /// <summary>The 1-, 5- and 15-minute load averages of a reading ("Before" or "After"), or null.</summary>
    private static double[]? LoadAverages(JsonElement load, string name) =>
        load.ValueKind == JsonValueKind.Object && load.TryGetProperty(name, out JsonElement reading) && reading.ValueKind == JsonValueKind.Object
            && Number(reading, "LoadOne") is { } one
            ? [one, Number(reading, "LoadFive") ?? double.NaN, Number(reading, "LoadFifteen") ?? double.NaN]
            : null;

    /// <summary>A column value worth reporting: BenchmarkDotNet prints "?" or "-" when a column has nothing for a case.</summary>
    private static bool IsValue(string? text) => text is { Length: > 0 } && text is not ("?" or "-" or "NA");

}
