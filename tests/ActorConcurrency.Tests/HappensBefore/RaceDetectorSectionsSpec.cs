using ActorConcurrency.Host.Catalog;
using ActorConcurrency.Host.Tasks;
using Spectre.Console.Testing;

namespace ActorConcurrency.Tests.HappensBefore;

/// <summary>The detector's sections for tasks 1–4 and 11: what they print and what they conclude.</summary>
public sealed class RaceDetectorSectionsSpec
{
    private static (DemoOutcome Result, string Output) Print(Func<DemoContext, DemoOutcome> section)
    {
        var console = new TestConsole();
        console.Profile.Width = 200;
        var context = new DemoContext(console, parseResult: null, CancellationToken.None);
        return (section(context), console.Output);
    }

    [Fact]
    public void The_racy_counter_is_reported_even_when_its_total_is_exact()
    {
        var (result, output) = Print(RaceDetectorSections.PrintRacyCounterReport);
        Assert.True(result.Held);
        Assert.Contains("WARNING: DATA RACE", output);
        Assert.Contains("'counter'", output);
        Assert.Contains("Found 2 data race(s)", output);

        (int total, var detector) = RaceDetectorSections.RunRacyCounter(50, serialise: true);
        Assert.Equal(50, total);
        Assert.Equal(2, detector.RaceCount); // read/write and write/write: two pairs of code sites
    }

    [Fact]
    public void The_fixed_counters_written_with_tracked_primitives_report_no_race()
    {
        var (result, output) = Print(RaceDetectorSections.PrintTrackedCountersReport);
        Assert.True(result.Held, result.Evidence);
        Assert.DoesNotContain("WARNING", output);
    }

    [Fact]
    public void Plain_flag_publication_is_a_race_and_the_atomic_flag_is_not()
    {
        var (result, output) = Print(RaceDetectorSections.PrintPublicationReport);
        Assert.True(result.Held, result.Evidence);
        Assert.Contains("'data'", output);
        Assert.Equal(42, RaceDetectorSections.RunPublication(atomicFlag: true).Seen);
    }
}
