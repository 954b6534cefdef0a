using ActorConcurrency.SharedState.Counters;

namespace ActorConcurrency.Tests.Counters;

/// <summary>Task 1: the lost update, proven by forcing the interleaving rather than hoping for it.</summary>
public sealed class RacyCounterSpec
{
    [Fact]
    public async Task Two_increments_interleaved_between_load_and_store_lose_one_update()
    {
        var counter = new RacyCounter();
        using var aLoaded = new ManualResetEventSlim();
        using var bStored = new ManualResetEventSlim();

        // A loads, then waits until B has done a whole increment, then stores its stale value + 1.
        Task a = Task.Run(() => counter.Increment(betweenLoadAndStore: () =>
        {
            aLoaded.Set();
            bStored.Wait();
        }));
        Task b = Task.Run(() =>
        {
            aLoaded.Wait();
            counter.Increment();
            bStored.Set();
        });
        await Task.WhenAll(a, b);

        Assert.Equal(1, counter.Read());
    }

    [Fact]
    public void Increments_in_sequence_are_not_lost()
    {
        var counter = new RacyCounter();
        counter.Increment();
        counter.Increment(betweenLoadAndStore: () => { });
        Assert.Equal(2, counter.Read());
    }

    [Fact]
    public void A_null_callback_is_rejected()
    {
        var counter = new RacyCounter();
        Assert.Equal("betweenLoadAndStore", Assert.Throws<ArgumentNullException>(() => counter.Increment(null!)).ParamName);
    }
}
