using ActorConcurrency.Host.Catalog;
using ActorConcurrency.Host.Tasks;
using Spectre.Console.Testing;

namespace ActorConcurrency.Tests.HappensBefore;

/// <summary>The detector's section for task 11: what it prints and what it concludes.</summary>
public sealed class RaceDetectorSectionsSpec
{
    [Fact]
    public void Plain_flag_publication_is_a_race_and_the_atomic_flag_is_not()
    {
        var console = new TestConsole();
        console.Profile.Width = 200;
        var context = new DemoContext(console, parseResult: null, CancellationToken.None);

        DemoOutcome result = RaceDetectorSections.PrintPublicationReport(context);

        Assert.True(result.Held, result.Evidence);
        Assert.Contains("'data'", console.Output);
        Assert.Equal(42, RaceDetectorSections.RunPublication(atomicFlag: true).Seen);
    }
}
