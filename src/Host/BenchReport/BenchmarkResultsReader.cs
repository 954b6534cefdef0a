using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using static ActorConcurrency.Host.BenchReport.JsonFields;

namespace ActorConcurrency.Host.BenchReport;

/// <summary>
/// Reads BenchmarkDotNet's full JSON exports (<c>*-report-full.json</c>) under some folders, with their
/// <c>*-report-groups.json</c> sidecars (baseline and categories, written by the bench project's
/// <c>GroupsExporter</c>, read by <see cref="BenchmarkSidecarReader"/>) when present: per case every measured iteration
/// (for the median, its interval and the significance tests), and from the sidecar the baseline, job, load and report
/// session; then the Go peers' <c>*-report-go.txt</c> (<see cref="GoPeerResultsReader"/>), placed beside the C# rows
/// they name. Knows nothing of any benchmark class: whatever was measured is read.
/// </summary>
internal static partial class BenchmarkResultsReader
{
    public const string FullJsonSuffix = "-report-full.json";
    public const string GroupsSuffix = "-report-groups.json";

    /// <summary>Reads every export under <paramref name="folders"/> (recursively); a bad file is named in <see cref="BenchmarkResults.Errors"/>.</summary>
    public static BenchmarkResults Read(IReadOnlyList<string> folders)
    {
        string[] files = FilesEndingWith(folders, FullJsonSuffix);
        var errors = new List<string>();
        var warnings = new List<string>();
        var rows = new List<BenchmarkRow>();
        var loads = new List<ClassLoad>();
        foreach (string file in files)
        {
            try
            {
                rows.AddRange(ReadFile(file, errors, warnings, loads));
            }
            catch (Exception ex) when (ex is JsonException or InvalidDataException or IOException or UnauthorizedAccessException)
            {
                errors.Add($"{file}: {ex.Message}");
            }
        }

        // The Go peers stand beside the C# rows they name, so they are read after them.
        string[] goFiles = FilesEndingWith(folders, GoPeerResultsReader.Suffix);
        BenchmarkRow[] csharp = [.. rows];
        foreach (string file in goFiles)
        {
            try
            {
                rows.AddRange(GoPeerResultsReader.Read(file, csharp, errors, warnings, loads));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                errors.Add($"{file}: {ex.Message}");
            }
        }

        // The same case measured by several runs: the newest run wins.
        var newest = rows.GroupBy(r => r.FullName)
            .Select(g => g.OrderByDescending(r => r.Run.Date).First())
            .ToArray();
        return new BenchmarkResults(folders, [.. files, .. goFiles], newest, errors, warnings, loads);
    }

    /// <summary>Every file under <paramref name="folders"/> (recursively) whose name ends with <paramref name="suffix"/>, once each, in order.</summary>
    private static string[] FilesEndingWith(IReadOnlyList<string> folders, string suffix) =>
        [.. folders.Where(Directory.Exists)
            .SelectMany(f => Directory.EnumerateFiles(f, "*" + suffix, SearchOption.AllDirectories))
            .Select(Path.GetFullPath)
            .Distinct()
            .Order(StringComparer.Ordinal)];

    private static IEnumerable<BenchmarkRow> ReadFile(string file, List<string> errors, List<string> warnings, List<ClassLoad> loads)
    {
        using JsonDocument document = ParseFile(file);
        JsonElement root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("Benchmarks", out JsonElement benchmarks) || benchmarks.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidDataException("not a BenchmarkDotNet full JSON export (no Benchmarks array)");
        }

        BenchmarkRun run = ReadRun(file, root);
        Dictionary<string, BenchmarkSidecarReader.Sidecar>? groups = BenchmarkSidecarReader.Read(file, errors, warnings, loads, ref run);
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
            BenchmarkSidecarReader.Sidecar? group = groups is not null && groups.TryGetValue(fullName, out BenchmarkSidecarReader.Sidecar? g) ? g : null;
            double[][] launches = Launches(benchmark);
            double[] samples = launches.Length > 0 ? [.. launches.SelectMany(l => l)] : OriginalValues(statistics);
            MedianEstimate? median = samples.Length > 0 ? MedianEstimate.Of(samples, ComparisonRule.Default.Level)
                : Number(statistics, "Median") is { } m ? new MedianEstimate((int)(Number(statistics, "N") ?? 1), m, m, m, 0)
                : null;
            rows.Add(new BenchmarkRow(
                fullName,
                Required(benchmark, "Type", file),
                Required(benchmark, "Method", file),
                ParseParameters(Text(benchmark, "Parameters")),
                mean.GetDouble(),
                allocated,
                group?.Baseline,
                group?.Categories ?? "",
                run,
                group?.ErrorNs ?? Margin(statistics),
                group?.StdDevNs ?? Number(statistics, "StandardDeviation"),
                group?.Job ?? JobFromDisplayInfo(Text(benchmark, "DisplayInfo"), statistics),
                group?.Columns,
                group?.Rate,
                samples,
                median,
                group?.Load,
                Steadiness: Steadiness.Of(launches, ComparisonRule.Default)));
        }

        return rows;
    }

    private static BenchmarkRun ReadRun(string file, JsonElement root)
    {
        string machine = "unknown machine";
        double resolutionNs = 1;
        int? coreCount = null;
        if (root.TryGetProperty("HostEnvironmentInfo", out JsonElement host) && host.ValueKind == JsonValueKind.Object)
        {
            string cpu = Text(host, "ProcessorName");
            string cores = host.TryGetProperty("LogicalCoreCount", out JsonElement c) && c.ValueKind == JsonValueKind.Number ? $"{c.GetInt32()} logical cores" : "";
            machine = string.Join(", ", new[] { cpu, cores, Text(host, "OsVersion"), Text(host, "RuntimeVersion") }.Where(s => s.Length > 0));
            coreCount = Int(host, "LogicalCoreCount");
            if (host.TryGetProperty("ChronometerFrequency", out JsonElement frequency) && frequency.ValueKind == JsonValueKind.Object
                && Number(frequency, "Hertz") is > 0 and double hertz)
            {
                resolutionNs = 1e9 / hertz;
            }
        }

        // BenchmarkDotNet stamps the title: "BenchmarkRun-joined-2026-11-27-22-59-01" or "Ns.Class-20261127-225901".
        string title = Text(root, "Title");
        Match stamp = TitleStamp().Match(title);
        DateTime date = stamp.Success && DateTime.TryParseExact(
            stamp.Value.Replace("-", "", StringComparison.Ordinal), "yyyyMMddHHmmss", CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeLocal | DateTimeStyles.AdjustToUniversal, out DateTime parsed)
            ? parsed
            : File.GetLastWriteTimeUtc(file);
        return new BenchmarkRun(file, machine, date, resolutionNs, coreCount);
    }

    /// <summary>
    /// The time per operation of every measured iteration (the Workload/Result measurements: nanoseconds over
    /// operations, overhead already subtracted), one array per launch in launch order, each in the order its iterations
    /// ran; empty when the export has no measurements.
    /// </summary>
    private static double[][] Launches(JsonElement benchmark) =>
        benchmark.TryGetProperty("Measurements", out JsonElement measurements) && measurements.ValueKind == JsonValueKind.Array
            ? [.. measurements.EnumerateArray()
                .Where(m => Text(m, "IterationMode") == "Workload" && Text(m, "IterationStage") == "Result"
                    && Number(m, "Operations") is > 0 && Number(m, "Nanoseconds") is not null)
                .GroupBy(m => Int(m, "LaunchIndex") ?? 1)
                .OrderBy(g => g.Key)
                .Select(g => g.Select(m => Number(m, "Nanoseconds")!.Value / Number(m, "Operations")!.Value).ToArray())]
            : [];

    /// <summary>Without per-iteration measurements, <c>Statistics.OriginalValues</c> (no launch order); empty when absent.</summary>
    private static double[] OriginalValues(JsonElement statistics) =>
        statistics.TryGetProperty("OriginalValues", out JsonElement values) && values.ValueKind == JsonValueKind.Array
            ? [.. values.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.Number).Select(v => v.GetDouble())]
            : [];

    /// <summary>Without a sidecar: the job from the display text ("Type.Method: ShortRun(IterationCount=3, …) [Threads=1]").</summary>
    private static BenchmarkJob? JobFromDisplayInfo(string displayInfo, JsonElement statistics)
    {
        int colon = displayInfo.IndexOf(": ", StringComparison.Ordinal);
        if (colon < 0)
        {
            return null;
        }

        string rest = displayInfo[(colon + 2)..];
        int end = rest.IndexOfAny(['(', ' ', '[']);
        string id = end < 0 ? rest : rest[..end];
        int? Setting(string name)
        {
            Match m = Regex.Match(rest, name + @"=(\d+)");
            return m.Success ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : null;
        }

        int iterations = (int)(Number(statistics, "N") ?? Setting("IterationCount") ?? 0);
        return id.Length == 0 ? null : new BenchmarkJob(id, Setting("LaunchCount"), iterations, Setting("WarmupCount"));
    }

    /// <summary>BenchmarkDotNet's Error: the margin of the 99.9% confidence interval, when it has one.</summary>
    private static double? Margin(JsonElement statistics) =>
        statistics.TryGetProperty("ConfidenceInterval", out JsonElement ci) && ci.ValueKind == JsonValueKind.Object ? Number(ci, "Margin") : null;

    /// <summary>BenchmarkDotNet writes parameters as <c>Name=value&amp;Name=value</c>.</summary>
    private static KeyValuePair<string, string>[] ParseParameters(string text) =>
        text.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Select(p => new KeyValuePair<string, string>(p[0], p.Length > 1 ? p[1] : ""))
            .ToArray();

    private static string Required(JsonElement element, string name, string file) =>
        Text(element, name) is { Length: > 0 } value ? value : throw new InvalidDataException($"a benchmark without {name} in {Path.GetFileName(file)}");

    [GeneratedRegex(@"\d{4}-?\d{2}-?\d{2}-\d{2}-?\d{2}-?\d{2}$")]
    private static partial Regex TitleStamp();
}
