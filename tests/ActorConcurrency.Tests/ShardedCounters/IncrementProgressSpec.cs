using ActorConcurrency.Actors.ShardedCounters;

namespace ActorConcurrency.Tests.ShardedCounters;

/// <summary>
/// The live figures of a load, on a spec's clock: stretches without acknowledgement, for the load as a whole and
/// per counter, since a counter whose node died stalls while the others answer.
/// </summary>
public sealed class IncrementProgressSpec
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private readonly ManualClock _clock = new(Start);

    [Fact]
    public void A_counter_that_stalls_alone_has_a_gap_of_its_own_while_the_load_has_none()
    {
        var progress = new IncrementProgress(_clock);
        Acknowledge(progress, "k1", 0.2);
        for (double at = 0.5; at <= 10; at += 0.5)
        {
            Acknowledge(progress, "k0", at);
        }

        Acknowledge(progress, "k1", 9.7);

        IncrementReport report = progress.Snapshot();
        Assert.Empty(report.AcknowledgementGaps);
        Assert.False(report.AcknowledgementGapsPerKey.ContainsKey("k0"));
        Assert.Equal(new AcknowledgementGap(At(0.2), At(9.7)), Assert.Single(report.AcknowledgementGapsPerKey["k1"]));
        Assert.Equal((At(10), At(9.7)), (report.LastAcknowledgedPerKey["k0"], report.LastAcknowledgedPerKey["k1"]));
    }

    [Fact]
    public void The_loads_gap_ends_at_the_first_counters_answer_and_each_counters_at_its_own()
    {
        var progress = new IncrementProgress(_clock);
        Acknowledge(progress, "k0", 0.1);
        Acknowledge(progress, "k1", 0.2);
        Acknowledge(progress, "k0", 5);
        Acknowledge(progress, "k1", 9);

        IncrementReport report = progress.Snapshot();
        Assert.Equal([new AcknowledgementGap(At(0.2), At(5)), new AcknowledgementGap(At(5), At(9))], report.AcknowledgementGaps);
        Assert.Equal(new AcknowledgementGap(At(0.1), At(5)), Assert.Single(report.AcknowledgementGapsPerKey["k0"]));
        Assert.Equal(new AcknowledgementGap(At(0.2), At(9)), Assert.Single(report.AcknowledgementGapsPerKey["k1"]));
    }

    [Fact]
    public void A_counters_first_answer_is_measured_from_the_start_of_the_load()
    {
        var progress = new IncrementProgress(_clock);
        Acknowledge(progress, "k0", 0.3);
        Acknowledge(progress, "k1", 2.5);

        IncrementReport report = progress.Snapshot();
        Assert.False(report.AcknowledgementGapsPerKey.ContainsKey("k0"));
        Assert.Equal(new AcknowledgementGap(At(0), At(2.5)), Assert.Single(report.AcknowledgementGapsPerKey["k1"]));
    }

    private void Acknowledge(IncrementProgress progress, string key, double seconds)
    {
        _clock.AdvanceTo(Start.AddSeconds(seconds));
        progress.Acknowledged(key, 10, duplicate: false);
    }

    private static DateTime At(double seconds) => Start.AddSeconds(seconds).UtcDateTime;
}
