using System.Globalization;

namespace ActorConcurrency.Tests.BenchReport;

/// <summary>One case of an <see cref="IterationExports"/> export: every iteration's time per operation in ns (in the order they ran, split evenly over <c>Launches</c>), and what the sidecar says of it.</summary>
internal sealed record IterationCase(
    string Method,
    double[] Values,
    bool Baseline = false,
    string Job = "Report",
    (double Before, double After, double? Other)? Load = null,
    string Type = "Fake",
    string Parameters = "",
    string Category = "",
    int Launches = 1);

/// <summary>
/// BenchmarkDotNet full exports with every iteration, and their groups sidecars, written by hand: the fields
/// bench-report reads, for the specs of the report's medians, verdicts and Go peers.
/// </summary>
internal static class IterationExports
{
    private const string Host = """
        "HostEnvironmentInfo": { "OsVersion": "Test OS", "ProcessorName": "Test CPU", "LogicalCoreCount": 2, "RuntimeVersion": ".NET 10.0.0", "ChronometerFrequency": { "Hertz": 1000000000 } }
        """;

    /// <summary>n times evenly spread over centre ± width/2 (shifted by a fraction of a step), so the median is centre and no two are equal.</summary>
    public static double[] Spread(double centre, int n, double width = 0.04, double shift = 0) =>
        [.. Enumerable.Range(0, n).Select(i => centre * (1 + (width * ((i + (shift / 2)) / (n - 1) - 0.5)))).OrderBy(v => (v * 7919) % 13)];

    /// <summary>Writes <c>title-report-full.json</c> and <c>title-report-groups.json</c> into <paramref name="results"/>.</summary>
    public static void Write(string results, string title, string? session, params IterationCase[] cases)
    {
        Directory.CreateDirectory(results);
        static string Number(double v) => v.ToString("R", CultureInfo.InvariantCulture);
        static string FullName(IterationCase c) => $"Fake.{c.Type}.{c.Method}({c.Parameters})";
        string Full(IterationCase c) =>
            $$"""
            { "Namespace": "Fake", "Type": "{{c.Type}}", "Method": "{{c.Method}}", "Parameters": "{{c.Parameters}}", "FullName": "{{FullName(c)}}",
              "DisplayInfo": "{{c.Type}}.{{c.Method}}: {{c.Job}}",
              "Statistics": { "N": {{c.Values.Length}}, "Mean": {{Number(c.Values.Average())}}, "ConfidenceInterval": { "Margin": 1 } },
              "Memory": { "BytesAllocatedPerOperation": 0 },
              "Measurements": [ {{string.Join(", ", c.Values.Select((v, i) =>
                  $$"""{ "IterationMode": "Workload", "IterationStage": "Result", "LaunchIndex": {{1 + (i * c.Launches / c.Values.Length)}}, "IterationIndex": {{(i % (c.Values.Length / c.Launches)) + 1}}, "Operations": 1000, "Nanoseconds": {{Number(v * 1000)}} }"""))}} ] }
            """;
        string Reading(double load) => $$"""{ "At": "2026-12-01T10:00:00+00:00", "LoadOne": {{Number(load)}}, "LoadFive": 0.5, "LoadFifteen": 0.6 }""";
        string Group(IterationCase c) =>
            $$"""
            { "FullName": "{{FullName(c)}}", "Baseline": {{(c.Baseline ? "true" : "false")}}, "Categories": [{{(c.Category.Length > 0 ? $"\"{c.Category}\"" : "")}}],
              "Job": { "Id": "{{c.Job}}" }, "Measured": { "Launches": 1, "Iterations": {{c.Values.Length}} }
              {{(c.Load is { } l ? $$""", "Load": { "Before": {{Reading(l.Before)}}, "After": {{Reading(l.After)}}, "OtherCpuCores": {{(l.Other is { } o ? Number(o) : "null")}} }""" : "")}} }
            """;
        bool loads = cases.Any(c => c.Load is not null);
        string classes = loads
            ? """[ { "Type": "Fake.Fake", "Load": { "Before": { "LoadOne": 0.4, "LoadFive": 0.5, "LoadFifteen": 0.6 }, "After": { "LoadOne": 3.2, "LoadFive": 3.0, "LoadFifteen": 2.0 }, "OtherCpuCores": 0.33 } } ]"""
            : "[]";
        File.WriteAllText(Path.Combine(results, title + "-report-full.json"), $$"""{ "Title": "{{title}}", {{Host}}, "Benchmarks": [ {{string.Join(",", cases.Select(Full))}} ] }""");
        File.WriteAllText(Path.Combine(results, title + "-report-groups.json"),
            $$"""{ "Title": "{{title}}", "Session": {{(session is null ? "null" : $$"""{ "Id": "{{session}}", "Part": "fake", "Job": "Report" }""")}}, "Cores": 2, "Classes": {{classes}}, "Benchmarks": [ {{string.Join(",", cases.Select(Group))}} ] }""");
    }
}
