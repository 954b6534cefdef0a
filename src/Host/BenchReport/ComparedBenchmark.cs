namespace ActorConcurrency.Host.BenchReport;

/// <summary>One benchmark found in both result sets of <c>bench-report --compare</c>.</summary>
/// <param name="Name">Class, method and parameters, e.g. <c>LruBenchmarks.LockLru(GetPercent=50, Threads=1)</c>.</param>
/// <param name="Old">Its row in the old results.</param>
/// <param name="New">Its row in the new results.</param>
/// <param name="Comparison">New against old: medians, ratio with its interval, p-value, verdict.</param>
internal sealed record ComparedBenchmark(string Name, BenchmarkRow Old, BenchmarkRow New, SampleComparison Comparison);
