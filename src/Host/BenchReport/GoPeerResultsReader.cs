using System.Globalization;
using System.Text.RegularExpressions;

namespace ActorConcurrency.Host.BenchReport;

/// <summary>
/// Reads the Go peers' result file (<c>*-report-go.txt</c>, written by the bench's <c>report-run go</c>): Go's
/// benchmark format, configuration lines (<c>key: value</c>) then one line per measurement
/// (<c>BenchmarkName-2  N  97.5 ns/op  0 B/op  0 allocs/op</c>). A benchmark's name places it in the report
/// (bench/go/peers/peers_test.go): <c>Benchmark&lt;C# class&gt;[/&lt;category&gt;]/&lt;Param&gt;=&lt;value&gt;…/&lt;C# method&gt;/&lt;Go form&gt;</c>.
/// Each benchmark becomes a row of the C# group it names, with every count as an iteration, so the report gives it a
/// median, an interval and a verdict by the same rule as the C# rows, and the C# method it is the Go form of
/// (<see cref="BenchmarkRow.GoTwin"/>).
/// </summary>
internal static partial class GoPeerResultsReader
{
    public const string Suffix = "-report-go.txt";

    /// <summary>What the report calls the Go rows' "class" in its load table.</summary>
    public const string LoadLabel = "Go peers (bench/go/peers)";

    /// <summary>
    /// The rows of <paramref name="file"/>, each placed beside the C# rows of <paramref name="csharp"/> whose class,
    /// category and parameters it names (a C# value's '/' is written '-' in Go). A measurement that names no C# row is
    /// still reported, in a group of its own, with a warning; a line or name that cannot be read is an error.
    /// </summary>
    public static IReadOnlyList<BenchmarkRow> Read(string file, IReadOnlyList<BenchmarkRow> csharp, List<string> errors, List<string> warnings, List<ClassLoad> loads)
    {
        string[] lines = File.ReadAllLines(file);
        var config = new Dictionary<string, string>(StringComparer.Ordinal);
        var samples = new Dictionary<string, (List<double> Ns, List<double> Bytes)>(StringComparer.Ordinal);
        foreach (string line in lines)
        {
            if (Measurement().Match(line) is { Success: true } m)
            {
                string name = m.Groups["name"].Value;
                (List<double> Ns, List<double> Bytes) values = samples.TryGetValue(name, out var v) ? v : samples[name] = ([], []);
                values.Ns.Add(double.Parse(m.Groups["ns"].Value, CultureInfo.InvariantCulture));
                if (m.Groups["bytes"].Success)
                {
                    values.Bytes.Add(double.Parse(m.Groups["bytes"].Value, CultureInfo.InvariantCulture));
                }
            }
            else if (Configuration().Match(line) is { Success: true } c)
            {
                config[c.Groups["key"].Value] = c.Groups["value"].Value.Trim();
            }
        }

        if (samples.Count == 0)
        {
            errors.Add($"{file}: no Go benchmark measurements");
            return [];
        }

        double[]? before = Averages(config.GetValueOrDefault("load-before"));
        double[]? after = Averages(config.GetValueOrDefault("load-after"));
        double? other = double.TryParse(config.GetValueOrDefault("other-cpu-cores"), NumberStyles.Float, CultureInfo.InvariantCulture, out double o) ? o : null;
        loads.Add(new ClassLoad(LoadLabel, file, before, after, other));
        var load = new MachineLoad(before?[0], after?[0], other);
        int? cores = int.TryParse(config.GetValueOrDefault("cores"), NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) ? n : null;
        string machine = string.Join(", ", new[]
        {
            config.GetValueOrDefault("cpu") ?? "",
            cores is { } k ? $"{k} logical cores" : "",
            config.TryGetValue("goos", out string? os) && config.TryGetValue("goarch", out string? arch) ? $"{os}/{arch}" : "",
            config.GetValueOrDefault("go") ?? "",
        }.Where(s => s.Length > 0));
        DateTime date = DateTime.TryParse(config.GetValueOrDefault("date"), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out DateTime d)
            ? d
            : File.GetLastWriteTimeUtc(file);
        var run = new BenchmarkRun(file, machine, date, 1, cores, config.GetValueOrDefault("session"), config.GetValueOrDefault("part"));
        var job = new BenchmarkJob(config.GetValueOrDefault("job") ?? "GoTest", 1, samples.Values.Max(s => s.Ns.Count), null);

        var rows = new List<BenchmarkRow>();
        foreach ((string name, (List<double> ns, List<double> bytes)) in samples)
        {
            if (Place(name, csharp) is not { } place)
            {
                errors.Add($"{file}: Benchmark{name}: the name does not say class/[category/]Param=value…/C# method/Go form");
                continue;
            }

            if (!place.Matched)
            {
                warnings.Add($"{file}: Benchmark{name}: no C# row of {place.Type} with these parameters to stand beside; reported alone");
            }

            rows.Add(new BenchmarkRow(
                $"Go.{name}",
                place.Type,
                $"Go {place.Form}",
                place.Parameters,
                ns.Average(),
                bytes.Count > 0 ? bytes.Average() : null,
                false,
                place.Category,
                run,
                StdDevNs: StandardDeviation(ns),
                Job: job,
                Samples: ns,
                Median: MedianEstimate.Of(ns, ComparisonRule.Default.Level),
                Load: load,
                GoTwin: place.Twin));
        }

        return rows;
    }

    /// <summary>Where a Go benchmark goes: its C# class, category and parameters (the C# row's own spelling when one matches), the C# method and the Go form.</summary>
    private sealed record Placement(string Type, string Category, IReadOnlyList<KeyValuePair<string, string>> Parameters, string Twin, string Form, bool Matched);

    private static Placement? Place(string name, IReadOnlyList<BenchmarkRow> csharp)
    {
        // Benchmark<class>/[<category>/]<Param>=<value>…/<C# method>/<Go form>
        string[] segments = name.Split('/');
        string[] rest = segments[1..];
        if (rest.Length < 2 || rest[^1].Contains('=', StringComparison.Ordinal) || rest[^2].Contains('=', StringComparison.Ordinal))
        {
            return null;
        }

        string[] middle = rest[..^2];
        string category = middle.Length > 0 && !middle[0].Contains('=', StringComparison.Ordinal) ? middle[0] : "";
        string[] named = category.Length > 0 ? middle[1..] : middle;
        if (named.Any(s => !s.Contains('=', StringComparison.Ordinal)))
        {
            return null;
        }

        string type = segments[0];
        KeyValuePair<string, string>[] parameters = [.. named.Select(s => s.Split('=', 2)).Select(p => new KeyValuePair<string, string>(p[0], p[1]))];
        string twin = rest[^2];
        string form = rest[^1].Replace('_', ' ');
        BenchmarkRow? match = csharp.FirstOrDefault(r => r.GoTwin is null && r.Type == type
            && string.Equals(r.Categories, category, StringComparison.OrdinalIgnoreCase)
            && SameParameters(r.Parameters, parameters));
        return match is null
            ? new Placement(type, category, parameters, twin, form, false)
            : new Placement(match.Type, match.Categories, match.Parameters, twin, form, true);
    }

    /// <summary>The same parameters, compared as Go writes them: names without case, a '/' in a value as '-'.</summary>
    private static bool SameParameters(IReadOnlyList<KeyValuePair<string, string>> csharp, IReadOnlyList<KeyValuePair<string, string>> go)
    {
        static string Normal(KeyValuePair<string, string> p) => $"{p.Key.ToUpperInvariant()}={p.Value.Replace('/', '-')}";
        return csharp.Count == go.Count && csharp.Select(Normal).Order(StringComparer.Ordinal).SequenceEqual(go.Select(Normal).Order(StringComparer.Ordinal));
    }

    private static double[]? Averages(string? text)
    {
        string[] parts = text?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];
        return parts.Length > 0 && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out _)
            ? [.. parts.Select(p => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) ? v : double.NaN)]
            : null;
    }

    private static double? StandardDeviation(IReadOnlyList<double> values)
    {
        if (values.Count < 2)
        {
            return null;
        }

        double mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
    }

    /// <summary>One measurement; the name without Go's "-GOMAXPROCS" suffix.</summary>
    [GeneratedRegex(@"^Benchmark(?<name>\S+?)(?:-\d+)?\s+\d+\s+(?<ns>[\d.]+) ns/op(?:\s+(?<bytes>[\d.]+) B/op)?")]
    private static partial Regex Measurement();

    /// <summary>A configuration line of Go's benchmark format: a lower-case key without spaces, a colon, the value.</summary>
    [GeneratedRegex(@"^(?<key>[a-z][^\s:A-Z]*):(?<value>.*)$")]
    private static partial Regex Configuration();
}
