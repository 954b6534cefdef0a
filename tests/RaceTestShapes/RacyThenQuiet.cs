namespace ActorConcurrency.RaceTestShapes;

/// <summary>The racy test first, its race found after it returned, while the quiet one runs.</summary>
[TestCaseOrderer(ByNameOrderer.Name, ByNameOrderer.Assembly)]
public sealed class RacyThenQuiet
{
    [Fact]
    public void A_racy_leaves_a_writer_behind()
    {
        var box = new Box();
        _ = Task.Run(() =>
        {
            Thread.Sleep(LeftBehind.Delay);
            box.Value = 1;
            LeftBehind.Written.Set();
        });
        box.Value = 2;
    }

    [Fact]
    public void B_quiet_runs_while_the_writer_races()
    {
        Assert.True(LeftBehind.Written.Wait(TimeSpan.FromSeconds(20)), "the writer left behind wrote");
        var mine = new Box();
        mine.Value++;
        Assert.Equal(1, mine.Value);
    }
}
