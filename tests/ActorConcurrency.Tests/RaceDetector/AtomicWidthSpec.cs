using ActorConcurrency.RaceDetector.Sync;
using ActorConcurrency.RaceDetector.Tracking;
using static ActorConcurrency.Tests.RaceDetector.DetectorPrograms;

namespace ActorConcurrency.Tests.RaceDetector;

/// <summary>
/// <see cref="TrackedAtomic{T}"/> at Go's widths (Int32, Int64, Uint32, Uint64): Add, And, Or and
/// CompareAndSwap at the type's own width, wrapping as Go's do, each a read-modify-write that orders.
/// </summary>
public sealed class AtomicWidthSpec
{
    [Fact]
    public void Add_wraps_at_the_types_own_width()
    {
        Run(d =>
        {
            Assert.Equal(int.MinValue, new TrackedAtomic<int>(d, "i32", int.MaxValue).Add(1));
            Assert.Equal(0u, new TrackedAtomic<uint>(d, "u32", uint.MaxValue).Add(1u));
            Assert.Equal(uint.MaxValue, new TrackedAtomic<uint>(d, "u32b", 0u).Add(uint.MaxValue)); // Go's AddUint32(&x, ^uint32(0)) decrements
            Assert.Equal(long.MinValue, new TrackedAtomic<long>(d, "i64", long.MaxValue).Add(1L));
            Assert.Equal(0ul, new TrackedAtomic<ulong>(d, "u64", ulong.MaxValue).Add(1ul));
        });
    }

    [Fact]
    public void And_Or_return_the_old_value_and_CompareAndSwap_swaps_only_on_a_match()
    {
        Run(d =>
        {
            var bits = new TrackedAtomic<uint>(d, "bits", 0b1100);
            Assert.Equal(0b1100u, bits.And(0b0100));
            Assert.Equal(0b0100u, bits.Or(0b0011));
            Assert.Equal(0b0111u, bits.Load());
            Assert.False(bits.CompareAndSwap(1, 2));
            Assert.True(bits.CompareAndSwap(0b0111, 9));
            Assert.Equal(9u, bits.Exchange(10));
            Assert.Equal(10u, bits.Load());
        });
    }

    [Fact]
    public void A_32_bit_counter_of_four_workers_loses_nothing_and_orders_the_reader()
    {
        uint total = 0;
        var d = Run(d =>
        {
            var counter = new TrackedAtomic<uint>(d, "counter");
            var x = new TrackedVariable<int>(d, "x");
            for (int i = 0; i < 4; i++)
            {
                int worker = i;
                d.Go($"worker-{i}", () =>
                {
                    if (worker == 0)
                    {
                        x.Write(1); // before this worker's adds: released by them
                    }

                    for (int n = 0; n < 25; n++)
                    {
                        counter.Add(1u);
                    }
                });
            }

            // Spinning on atomic loads until all 100 adds are seen: every add (a release) happens before.
            while (counter.Load() != 100)
            {
                Thread.Yield();
            }

            total = counter.Load();
            _ = x.Read();
        });
        Assert.Equal(100u, total);
        Assert.Equal(0, d.RaceCount);
    }

    [Fact]
    public void Without_loading_the_counter_the_reader_is_not_ordered()
    {
        using var done = new ManualResetEventSlim();
        var d = Run(d =>
        {
            var counter = new TrackedAtomic<ulong>(d, "counter");
            var x = new TrackedVariable<int>(d, "x");
            d.Go("worker", () =>
            {
                x.Write(1);
                counter.Add(1ul);
                done.Set();
            });
            done.Wait(); // untracked
            _ = x.Read();
        });
        Assert.Equal("x", Assert.Single(d.Races).Variable);
    }
}
