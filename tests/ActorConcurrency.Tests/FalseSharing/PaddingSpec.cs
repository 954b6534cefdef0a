using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using ActorConcurrency.SharedState.FalseSharing;

namespace ActorConcurrency.Tests.FalseSharing;

/// <summary>
/// Task 10: the padding is real. Reads each counter's <see cref="FieldOffsetAttribute"/> (as Disruptor-net's
/// tests do) and checks it against the addresses of a live instance and the struct's size.
/// </summary>
public sealed class PaddingSpec
{
    private static int DeclaredOffset<T>(string field) =>
        typeof(T).GetField(field, BindingFlags.Public | BindingFlags.Instance)!.GetCustomAttribute<FieldOffsetAttribute>()!.Value;

    [Fact]
    public void Adjacent_counters_share_a_cache_line()
    {
        Assert.Equal(0, DeclaredOffset<AdjacentCounters>(nameof(AdjacentCounters.First)));
        Assert.Equal(8, DeclaredOffset<AdjacentCounters>(nameof(AdjacentCounters.Second)));
        Assert.Equal(8, TwoThreadIncrements.ByteDistance(new AdjacentCounters[1]));
        Assert.True(Unsafe.SizeOf<AdjacentCounters>() < CacheLine.Size);
    }

    [Fact]
    public void Counters_padded_to_64_are_a_cache_line_apart_and_from_their_neighbours()
    {
        Assert.Equal(64, CacheLine.Size);
        Assert.Equal(CacheLine.Size, DeclaredOffset<PaddedCounters64>(nameof(PaddedCounters64.First)));
        Assert.Equal(2 * CacheLine.Size, DeclaredOffset<PaddedCounters64>(nameof(PaddedCounters64.Second)));
        Assert.Equal(CacheLine.Size, TwoThreadIncrements.ByteDistance(new PaddedCounters64[1]));

        // A full line before the first field and after the second: an object next to the struct cannot share them.
        Assert.Equal(3 * CacheLine.Size, Unsafe.SizeOf<PaddedCounters64>());
        Assert.True(Unsafe.SizeOf<PaddedCounters64>() - DeclaredOffset<PaddedCounters64>(nameof(PaddedCounters64.Second)) >= CacheLine.Size);
    }

    [Fact]
    public void Counters_padded_to_128_are_two_cache_lines_apart_and_from_their_neighbours()
    {
        Assert.Equal(128, CacheLine.PrefetchPair);
        Assert.Equal(CacheLine.PrefetchPair, DeclaredOffset<PaddedCounters128>(nameof(PaddedCounters128.First)));
        Assert.Equal(2 * CacheLine.PrefetchPair, DeclaredOffset<PaddedCounters128>(nameof(PaddedCounters128.Second)));
        Assert.Equal(CacheLine.PrefetchPair, TwoThreadIncrements.ByteDistance(new PaddedCounters128[1]));
        Assert.Equal(3 * CacheLine.PrefetchPair, Unsafe.SizeOf<PaddedCounters128>());
    }

    [Fact]
    public void Declared_offsets_are_the_ones_the_types_publish()
    {
        Assert.Equal(PaddedCounters64.FirstOffset, DeclaredOffset<PaddedCounters64>(nameof(PaddedCounters64.First)));
        Assert.Equal(PaddedCounters128.SecondOffset, DeclaredOffset<PaddedCounters128>(nameof(PaddedCounters128.Second)));
    }

    [Fact]
    public void Two_threads_each_reach_their_own_total_in_every_layout()
    {
        TwoThreadIncrements.Run<AdjacentCounters>(10_000);
        TwoThreadIncrements.Run<PaddedCounters64>(10_000);
        TwoThreadIncrements.Run<PaddedCounters128>(10_000); // throws on a lost increment
        Assert.Throws<ArgumentOutOfRangeException>(() => TwoThreadIncrements.Run<AdjacentCounters>(0));
    }
}
