namespace ActorConcurrency.RacyTests;

/// <summary>
/// Three ordinary tests; all pass under plain <c>dotnet test</c>. Under <c>race-mode test</c> the second one is reported:
/// its two tasks increment a plain field with no synchronisation, a data race whether or not an update was lost in
/// this run (the assertion is loose enough to pass either way, which is why a race detector is needed).
/// </summary>
public sealed class HitCounterSpec
{
    [Fact]
    public void One_thread_counts_every_hit()
    {
        var counter = new HitCounter();
        for (int i = 0; i < 1000; i++)
        {
            counter.Hit();
        }

        Assert.Equal(1000, counter.Hits);
    }

    [Fact]
    public async Task Two_tasks_count_hits_without_a_lock()
    {
        var counter = new HitCounter();
        Task first = Task.Run(() => HitMany(counter.Hit));
        Task second = Task.Run(() => HitMany(counter.Hit));
        await Task.WhenAll(first, second);

        Assert.InRange(counter.Hits, 1, 2000);
    }

    [Fact]
    public async Task Two_tasks_count_every_hit_under_a_lock()
    {
        var counter = new LockedHitCounter();
        Task first = Task.Run(() => HitMany(counter.Hit));
        Task second = Task.Run(() => HitMany(counter.Hit));
        await Task.WhenAll(first, second);

        Assert.Equal(2000, counter.Hits);
    }

    private static void HitMany(Action hit)
    {
        for (int i = 0; i < 1000; i++)
        {
            hit();
        }
    }
}
