using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters.Json;

namespace ActorConcurrency.Bench;

/// <summary>
/// The configuration every suite runs with: allocations per operation (memory diagnoser) and the full
/// JSON export that <c>bench-report</c> reads from <c>BenchmarkDotNet.Artifacts/results</c>, with its
/// baseline/category sidecar (<see cref="Harness.GroupsExporter"/>).
/// </summary>
internal static class BenchConfig
{
    public static IConfig Create() => DefaultConfig.Instance
        .AddDiagnoser(MemoryDiagnoser.Default)
        .AddExporter(JsonExporter.Full)
        .AddExporter(Harness.GroupsExporter.Instance)
        .WithOptions(ConfigOptions.JoinSummary | ConfigOptions.DisableLogFile);
}
