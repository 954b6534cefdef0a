namespace ActorConcurrency.RaceTestShapes;

/// <summary>The quiet test first, then the racy one, whose race is found while it runs.</summary>
[TestCaseOrderer(ByNameOrderer.Name, ByNameOrderer.Assembly)]
public sealed class QuietThenRacy
{
    [Fact]
    public void A_quiet_counts_alone()
    {
        var mine = new Box();
        for (int i = 0; i < 100; i++)
        {
            mine.Value++;
        }

        Assert.Equal(100, mine.Value);
    }

    [Fact]
    public async Task B_racy_two_tasks_write_one_field()
    {
        var box = new Box();
        await Task.WhenAll(Task.Run(() => box.Value++), Task.Run(() => box.Value++));
        Assert.InRange(box.Value, 1, 2);
    }
}
