namespace ActorConcurrency.RaceTestShapes;

/// <summary>
/// Two test classes, each its own collection, so xunit runs them in parallel; a barrier makes them overlap (when xunit
/// has two threads) so the racy one's race is found while the quiet one runs too.
/// </summary>
internal static class ParallelPair
{
    public static readonly Barrier Overlap = new(2);
}

/// <summary>The racy half of <see cref="ParallelPair"/>.</summary>
public sealed class ParallelRacy
{
    [Fact]
    public async Task Racy_in_parallel_two_tasks_write_one_field()
    {
        ParallelPair.Overlap.SignalAndWait(TimeSpan.FromSeconds(10));
        var box = new Box();
        await Task.WhenAll(Task.Run(() => box.Value++), Task.Run(() => box.Value++));
        Assert.InRange(box.Value, 1, 2);
    }
}

/// <summary>The quiet half of <see cref="ParallelPair"/>.</summary>
public sealed class ParallelQuiet
{
    [Fact]
    public async Task Quiet_in_parallel_two_tasks_lock_their_field()
    {
        ParallelPair.Overlap.SignalAndWait(TimeSpan.FromSeconds(10));
        var box = new Box();
        var gate = new object();
        await Task.WhenAll(Task.Run(() => Add(box, gate)), Task.Run(() => Add(box, gate)));
        Assert.Equal(2, box.Value);
    }

    private static void Add(Box box, object gate)
    {
        lock (gate)
        {
            box.Value++;
        }
    }
}
