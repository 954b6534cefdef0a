using ActorConcurrency.RaceDetector.Clocks;

namespace ActorConcurrency.Tests.RaceDetector;

/// <summary>The vector clock's algebra: join is a pointwise maximum, copy replaces, entries beyond the array are zero.</summary>
public sealed class VectorClockSpec
{
    private static VectorClock Of(params int[] entries)
    {
        var clock = new VectorClock(1);
        for (int i = 0; i < entries.Length; i++)
        {
            clock[i] = entries[i];
        }

        return clock;
    }

    [Fact]
    public void Join_takes_the_pointwise_maximum_and_grows_as_needed()
    {
        VectorClock a = Of(3, 0);
        a.JoinWith(Of(1, 2, 5));
        Assert.Equal("[3, 2, 5]", a.ToString());
    }

    [Fact]
    public void Copy_replaces_every_entry_including_ones_the_source_lacks()
    {
        VectorClock a = Of(3, 4, 5, 6);
        a.CopyFrom(Of(1));
        Assert.Equal("[1]", a.ToString());
        Assert.Equal(0, a[3]);
    }

    [Fact]
    public void Entries_beyond_the_array_read_as_zero()
    {
        Assert.Equal(0, Of(1)[1000]);
    }

    [Fact]
    public void Covered_by_is_the_happens_before_partial_order()
    {
        Assert.True(Of(1, 2).IsCoveredBy(Of(1, 3)));
        Assert.False(Of(2, 1).IsCoveredBy(Of(1, 3)));
        Assert.False(Of(1, 3).IsCoveredBy(Of(2, 1)));
    }

    [Fact]
    public void An_epoch_happens_before_a_clock_that_knows_its_thread_up_to_its_clock()
    {
        Assert.True(new Epoch(1, 2).HappensBefore(Of(0, 2)));
        Assert.False(new Epoch(1, 3).HappensBefore(Of(9, 2)));
    }

    [Fact]
    public void A_clone_does_not_follow_later_changes()
    {
        VectorClock a = Of(1);
        VectorClock copy = a.Clone();
        a[0] = 5;
        Assert.Equal(1, copy[0]);
    }

    [Fact]
    public void A_negative_thread_id_is_rejected()
    {
        Assert.Equal("threadId", Assert.Throws<ArgumentOutOfRangeException>(() => Of(1)[-1] = 2).ParamName);
    }

    [Fact]
    public void Clocks_that_copy_and_join_each_other_do_not_leapfrog_in_size()
    {
        VectorClock sync = Of(1);
        var threads = Enumerable.Range(0, 5).Select(i => Of(new int[i + 1])).ToArray();
        for (int round = 0; round < 100; round++)
        {
            foreach (VectorClock thread in threads)
            {
                thread.JoinWith(sync);
                sync.CopyFrom(thread);
            }
        }

        Assert.True(sync.Length <= 8, $"length {sync.Length}");
        Assert.All(threads, t => Assert.True(t.Length <= 8, $"length {t.Length}"));
    }
}
