using ActorConcurrency.Demonstrations.Counters;

namespace ActorConcurrency.Tests.Demonstrations.Counters;

/// <summary>The race detector's sections of tasks 1–4: the racy counter is reported whatever its total; the fixes are not.</summary>
public sealed class CounterDetectionSpec
{
    [Fact]
    public void The_racy_counter_is_reported_even_when_its_total_is_exact()
    {
        RacyCounterDetection detection = CounterDetection.RacyCounter(tasks: 100);

        Assert.True(detection.Held, detection.Evidence);
        Assert.Contains("WARNING: DATA RACE", detection.Report.Shown);
        Assert.Contains("'counter'", detection.Report.Shown);
        Assert.Equal("Found 2 data race(s)", detection.Report.Summary);
        Assert.Equal(100, detection.Serialised.Total);
        Assert.Equal(2, detection.Serialised.Races); // read/write and write/write: two pairs of code sites
    }

    [Fact]
    public void The_fixed_counters_written_with_tracked_primitives_report_no_race()
    {
        TrackedCounterDetection detection = CounterDetection.TrackedCounters(tasks: 100);

        Assert.True(detection.Held, detection.Evidence);
        Assert.Equal(3, detection.Forms.Count);
        Assert.All(detection.Forms, f => Assert.Equal((100, 0), (f.Total, f.Races)));
    }

    [Fact]
    public void A_fix_that_missed_its_total_or_raced_does_not_hold()
    {
        Assert.False(new TrackedCounterDetection(10, [new TrackedCounterRow("atomic", 9, 0)]).Held);
        Assert.False(new TrackedCounterDetection(10, [new TrackedCounterRow("mutex", 10, 1)]).Held);
    }
}
