using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Filters;

namespace ActorConcurrency.Bench.Rings;

/// <summary>
/// <see cref="SpscBenchmarks"/>' own config: leaves out <see cref="SpscBenchmarks.NativeRing"/>, with the reason
/// on the console, where the native floor cannot be built (no C++ compiler, no source), so the rest of the
/// group still runs and the run does not fail.
/// </summary>
internal sealed class SpscBenchmarksConfig : ManualConfig
{
    /// <summary>1 once the reason was printed: BenchmarkDotNet builds the config more than once per run.</summary>
    private static int _announced;

    public SpscBenchmarksConfig()
    {
        string? unavailable = NativeSpscRing.Unavailable;
        if (unavailable is null)
        {
            return;
        }

        if (Interlocked.Exchange(ref _announced, 1) == 0)
        {
            Console.WriteLine($"// SpscBenchmarks.NativeRing skipped: {unavailable}");
        }

        AddFilter(new SimpleFilter(b => b.Descriptor.WorkloadMethod.Name != nameof(SpscBenchmarks.NativeRing)));
    }
}
