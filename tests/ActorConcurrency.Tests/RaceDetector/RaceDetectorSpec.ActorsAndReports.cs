using ActorConcurrency.RaceDetector.Reports;
using ActorConcurrency.RaceDetector.Sync;
using ActorConcurrency.RaceDetector.Tracking;

namespace ActorConcurrency.Tests.RaceDetector;

// The detector's suite (RaceDetectorSpec.cs): actors and the reports themselves.
public sealed partial class RaceDetectorSpec
{
    // ---- actors ----

    [Fact]
    public void An_actor_receive_is_ordered_after_the_Tell()
    {
        Assert.Equal(0, RunActorProgram(stamped: true).RaceCount);
    }

    [Fact]
    public void An_actor_reading_without_the_Tell_edge_races()
    {
        Assert.Equal(1, RunActorProgram(stamped: false).RaceCount);
    }

    private static VectorClockDetector RunActorProgram(bool stamped) => Run(d =>
    {
        var x = new TrackedVariable<int>(d, "x");
        LogicalThread actor = d.Spawn("actor");
        x.Write(1);
        TellStamp? stamp = stamped ? ActorEdges.Tell(d) : null;

        // The "mailbox": another real thread runs the actor's message handler.
        Task.Run(() =>
        {
            using (actor.Enter())
            {
                if (stamp is not null)
                {
                    ActorEdges.Receive(d, stamp);
                }

                _ = x.Read();
            }
        }).GetAwaiter().GetResult();
    });

    // ---- reports ----

    [Fact]
    public void One_report_per_pair_of_code_sites_however_often_it_races()
    {
        var d = Run(d =>
        {
            var x = new TrackedVariable<int>(d, "x");
            for (int i = 0; i < 50; i++)
            {
                int value = i;
                d.Go($"g{i}", () => x.Write(value)); // one code site, 50 unordered writes
            }
        });
        Assert.Equal(49, d.Detections);
        Assert.Equal(1, d.RaceCount);
        Assert.Equal("Found 1 data race(s)", d.Summary);
    }

    [Fact]
    public void A_report_names_the_variable_both_kinds_both_threads_and_both_stacks()
    {
        using var written = new ManualResetEventSlim();
        var d = Run(
            d =>
            {
                var x = new TrackedVariable<int>(d, "balance");
                d.Go("depositor", () =>
                {
                    x.Write(100);
                    written.Set();
                });
                d.Go("auditor", () =>
                {
                    written.Wait();
                    _ = x.Read();
                });
            },
            new RaceDetectorOptions { KeepAccessStacks = true });

        RaceReport report = Assert.Single(d.Races);
        string text = report.Format();
        Assert.Contains("WARNING: DATA RACE", text);
        Assert.Contains("Read of 'balance' by logical thread auditor", text);
        Assert.Contains("Previous write of 'balance' by logical thread depositor", text);
        Assert.Contains(nameof(RaceDetectorSpec), report.Current.Stack);
        Assert.Contains(nameof(RaceDetectorSpec), report.Previous.Stack);
        Assert.EndsWith(nameof(RaceDetectorSpec) + ".ActorsAndReports.cs", report.Previous.Site.File);
    }

    [Fact]
    public void Without_kept_stacks_the_earlier_access_is_shown_by_its_call_site()
    {
        var d = Run(d =>
        {
            var x = new TrackedVariable<int>(d, "x");
            d.Go("g1", () => x.Write(1));
            d.Go("g2", () => x.Write(2));
        });
        RaceReport report = Assert.Single(d.Races);
        Assert.Null(report.Previous.Stack);
        Assert.Contains("stack not kept", report.Format());
        Assert.True(report.Previous.Site.Line > 0);
    }
}
