using BenchmarkDotNet.Configs;

namespace ActorConcurrency.Bench.Lru;

/// <summary>Adds the hit-ratio column to <see cref="LruBenchmarks"/>.</summary>
internal sealed class LruBenchConfig : ManualConfig
{
    public LruBenchConfig() => AddColumn(new HitRatioColumn());
}
