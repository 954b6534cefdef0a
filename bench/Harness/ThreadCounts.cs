namespace ActorConcurrency.Bench.Harness;

/// <summary>The thread counts every multi-threaded comparison runs at: 1 and <see cref="Environment.ProcessorCount"/>.</summary>
public static class ThreadCounts
{
    /// <summary>For <c>[ParamsSource(nameof(ThreadCounts.OneAndAllCores), ...)]</c>: 1 and the core count, without duplicates.</summary>
    public static IEnumerable<int> OneAndAllCores => new[] { 1, Environment.ProcessorCount }.Distinct();
}
