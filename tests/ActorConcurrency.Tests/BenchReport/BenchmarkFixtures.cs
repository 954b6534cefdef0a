namespace ActorConcurrency.Tests.BenchReport;

/// <summary>Small BenchmarkDotNet exports (the fields bench-report reads), written by hand for <see cref="BenchReportSpec"/>.</summary>
internal static class BenchmarkFixtures
{
    private const string Host = """
        "HostEnvironmentInfo": { "OsVersion": "Test OS", "ProcessorName": "Test CPU", "LogicalCoreCount": 4, "RuntimeVersion": ".NET 10.0.0" }
        """;

    private static string Case(string type, string method, string parameters, double mean, double? bytes) =>
        $$"""
        { "Namespace": "Fake", "Type": "{{type}}", "Method": "{{method}}", "Parameters": "{{parameters}}",
          "FullName": "Fake.{{type}}.{{method}}({{parameters}})",
          "Statistics": { "Mean": {{mean}} }
          {{(bytes is { } b ? $", \"Memory\": {{ \"BytesAllocatedPerOperation\": {b} }}" : "")}} }
        """;

    private static string Group(string type, string method, string parameters, bool baseline, string category = "") =>
        $$"""{ "FullName": "Fake.{{type}}.{{method}}({{parameters}})", "Baseline": {{(baseline ? "true" : "false")}}, "Categories": [{{(category.Length > 0 ? $"\"{category}\"" : "")}}] }""";

    private static string Export(params string[] cases) => $$"""{ "Title": "$TITLE", {{Host}}, "Benchmarks": [ {{string.Join(",", cases)}} ] }""";

    private static string Groups(params string[] entries) => $$"""{ "Benchmarks": [ {{string.Join(",", entries)}} ] }""";

    public static string MapsAtTwoThreadCounts { get; } = Export(
        Case("FakeMapBenchmarks", "Dictionary", "Workload=write-heavy&Threads=1", 100, 0),
        Case("FakeMapBenchmarks", "Sharded", "Workload=write-heavy&Threads=1", 150, 24),
        Case("FakeMapBenchmarks", "Dictionary", "Workload=write-heavy&Threads=4", 200, 0),
        Case("FakeMapBenchmarks", "Sharded", "Workload=write-heavy&Threads=4", 100, 24),
        Case("FakeMapBenchmarks", "Dictionary", "Workload=read-heavy&Threads=1", 50, 0),
        Case("FakeMapBenchmarks", "Sharded", "Workload=read-heavy&Threads=1", 60, 0));

    public static string MapsGroups { get; } = Groups(
        Group("FakeMapBenchmarks", "Dictionary", "Workload=write-heavy&Threads=1", true),
        Group("FakeMapBenchmarks", "Sharded", "Workload=write-heavy&Threads=1", false),
        Group("FakeMapBenchmarks", "Dictionary", "Workload=write-heavy&Threads=4", true),
        Group("FakeMapBenchmarks", "Sharded", "Workload=write-heavy&Threads=4", false),
        Group("FakeMapBenchmarks", "Dictionary", "Workload=read-heavy&Threads=1", true),
        Group("FakeMapBenchmarks", "Sharded", "Workload=read-heavy&Threads=1", false));

    public static string UnknownClassWithCategories { get; } = Export(
        Case("SomeLaterBenchmarks", "Fast", "", 1000, null),
        Case("SomeLaterBenchmarks", "Slow", "", 3000, null),
        Case("SomeLaterBenchmarks", "WriteFast", "", 10, null),
        Case("SomeLaterBenchmarks", "WriteSlow", "", 20, null));

    public static string UnknownClassGroups { get; } = Groups(
        Group("SomeLaterBenchmarks", "Fast", "", true, "Reads"),
        Group("SomeLaterBenchmarks", "Slow", "", false, "Reads"),
        Group("SomeLaterBenchmarks", "WriteFast", "", true, "Writes"),
        Group("SomeLaterBenchmarks", "WriteSlow", "", false, "Writes"));

    public static string OneFailedCase { get; } = $$"""
        { "Title": "$TITLE", {{Host}}, "Benchmarks": [
          {{Case("FakeFailing", "Works", "", 10, 0)}},
          { "Namespace": "Fake", "Type": "FakeFailing", "Method": "Broken", "Parameters": "", "FullName": "Fake.FakeFailing.Broken", "Statistics": null }
        ] }
        """;
}
