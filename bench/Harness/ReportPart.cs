namespace ActorConcurrency.Bench.Harness;

/// <summary>A named part of the report run: benchmark classes run together, in one joined result file.</summary>
/// <param name="Name">What <c>report-run</c> takes, e.g. <c>locks</c>.</param>
/// <param name="Classes">Its benchmark classes, in the order they run.</param>
/// <param name="EstimatedMinutes">Its expected length with <see cref="BenchConfig.ReportJob"/> (see docs/bench-report.md).</param>
public sealed record ReportPart(string Name, IReadOnlyList<Type> Classes, int EstimatedMinutes);
