using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ActorConcurrency.Host.BenchReport;

/// <summary>
/// Reads BenchmarkDotNet's full JSON exports (<c>*-report-full.json</c>) under some folders, with their
/// <c>*-report-groups.json</c> sidecars (baseline and categories, written by the bench project's
/// <c>GroupsExporter</c>) when present. Knows nothing of any benchmark class: whatever was measured is read.
/// </summary>
internal static partial class BenchmarkResultsReader
{
    public const string FullJsonSuffix = "-report-full.json";
    public const string GroupsSuffix = "-report-groups.json";

    /// <summary>Reads every export under <paramref name="folders"/> (recursively); a bad file is named in <see cref="BenchmarkResults.Errors"/>.</summary>
    public static BenchmarkResults Read(IReadOnlyList<string> folders)
    {
        var files = folders.Where(Directory.Exists)
            .SelectMany(f => Directory.EnumerateFiles(f, "*" + FullJsonSuffix, SearchOption.AllDirectories))
            .Select(Path.GetFullPath)
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToArray();
        var errors = new List<string>();
        var warnings = new List<string>();
        var rows = new List<BenchmarkRow>();
        foreach (string file in files)
        {
            try
            {
                rows.AddRange(ReadFile(file, errors, warnings));
            }
            catch (Exception ex) when (ex is JsonException or InvalidDataException or IOException or UnauthorizedAccessException)
            {
                errors.Add($"{file}: {ex.Message}");
            }
        }

        // The same case measured by several runs: the newest run wins.
        var newest = rows.GroupBy(r => r.FullName)
            .Select(g => g.OrderByDescending(r => r.Run.Date).First())
            .ToArray();
        return new BenchmarkResults(folders, files, newest, errors, warnings);
    }

    private static IEnumerable<BenchmarkRow> ReadFile(string file, List<string> errors, List<string> warnings)
    {
        using JsonDocument document = ParseFile(file);
        JsonElement root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("Benchmarks", out JsonElement benchmarks) || benchmarks.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidDataException("not a BenchmarkDotNet full JSON export (no Benchmarks array)");
        }

        BenchmarkRun run = ReadRun(file, root);
        Dictionary<string, (bool Baseline, string Categories)>? groups = ReadGroups(file, errors, warnings);
        var rows = new List<BenchmarkRow>();
        foreach (JsonElement benchmark in benchmarks.EnumerateArray())
        {
            string fullName = Text(benchmark, "FullName");
            if (!benchmark.TryGetProperty("Statistics", out JsonElement statistics) || statistics.ValueKind != JsonValueKind.Object
                || !statistics.TryGetProperty("Mean", out JsonElement mean) || mean.ValueKind != JsonValueKind.Number)
            {
                errors.Add($"{file}: {fullName}: no measurement (the benchmark failed or did not run)");
                continue;
            }

            double? allocated = benchmark.TryGetProperty("Memory", out JsonElement memory) && memory.ValueKind == JsonValueKind.Object
                && memory.TryGetProperty("BytesAllocatedPerOperation", out JsonElement bytes) && bytes.ValueKind == JsonValueKind.Number
                ? bytes.GetDouble()
                : null;
            (bool Baseline, string Categories)? group = groups is not null && groups.TryGetValue(fullName, out var g) ? g : null;
            rows.Add(new BenchmarkRow(
                fullName,
                Required(benchmark, "Type", file),
                Required(benchmark, "Method", file),
                ParseParameters(Text(benchmark, "Parameters")),
                mean.GetDouble(),
                allocated,
                group?.Baseline,
                group?.Categories ?? "",
                run));
        }

        return rows;
    }

    private static JsonDocument ParseFile(string file)
    {
        using FileStream stream = File.OpenRead(file);
        return JsonDocument.Parse(stream);
    }

    private static BenchmarkRun ReadRun(string file, JsonElement root)
    {
        string machine = "unknown machine";
        if (root.TryGetProperty("HostEnvironmentInfo", out JsonElement host) && host.ValueKind == JsonValueKind.Object)
        {
            string cpu = Text(host, "ProcessorName");
            string cores = host.TryGetProperty("LogicalCoreCount", out JsonElement c) && c.ValueKind == JsonValueKind.Number ? $"{c.GetInt32()} logical cores" : "";
            machine = string.Join(", ", new[] { cpu, cores, Text(host, "OsVersion"), Text(host, "RuntimeVersion") }.Where(s => s.Length > 0));
        }

        // BenchmarkDotNet stamps the title: "BenchmarkRun-joined-2026-11-27-22-59-01" or "Ns.Class-20261127-225901".
        string title = Text(root, "Title");
        Match stamp = TitleStamp().Match(title);
        DateTime date = stamp.Success && DateTime.TryParseExact(
            stamp.Value.Replace("-", "", StringComparison.Ordinal), "yyyyMMddHHmmss", CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeLocal | DateTimeStyles.AdjustToUniversal, out DateTime parsed)
            ? parsed
            : File.GetLastWriteTimeUtc(file);
        return new BenchmarkRun(file, machine, date);
    }

    /// <summary>The sidecar's baseline and categories per full name; null (and an error line) when missing or unreadable.</summary>
    private static Dictionary<string, (bool, string)>? ReadGroups(string file, List<string> errors, List<string> warnings)
    {
        string sidecar = file[..^FullJsonSuffix.Length] + GroupsSuffix;
        if (!File.Exists(sidecar))
        {
            warnings.Add($"{file}: no {Path.GetFileName(sidecar)} beside it, so baselines are unknown and ratios are left out");
            return null;
        }

        try
        {
            using JsonDocument document = ParseFile(sidecar);
            var map = new Dictionary<string, (bool, string)>();
            foreach (JsonElement b in document.RootElement.GetProperty("Benchmarks").EnumerateArray())
            {
                string categories = b.TryGetProperty("Categories", out JsonElement cats) && cats.ValueKind == JsonValueKind.Array
                    ? string.Join(", ", cats.EnumerateArray().Select(c => c.GetString()))
                    : "";
                map[b.GetProperty("FullName").GetString()!] = (b.GetProperty("Baseline").GetBoolean(), categories);
            }

            return map;
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or IOException)
        {
            errors.Add($"{sidecar}: {ex.Message}");
            return null;
        }
    }

    /// <summary>BenchmarkDotNet writes parameters as <c>Name=value&amp;Name=value</c>.</summary>
    private static KeyValuePair<string, string>[] ParseParameters(string text) =>
        text.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Select(p => new KeyValuePair<string, string>(p[0], p.Length > 1 ? p[1] : ""))
            .ToArray();

    private static string Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : "";

    private static string Required(JsonElement element, string name, string file) =>
        Text(element, name) is { Length: > 0 } value ? value : throw new InvalidDataException($"a benchmark without {name} in {Path.GetFileName(file)}");

    [GeneratedRegex(@"\d{4}-?\d{2}-?\d{2}-\d{2}-?\d{2}-?\d{2}$")]
    private static partial Regex TitleStamp();
}
