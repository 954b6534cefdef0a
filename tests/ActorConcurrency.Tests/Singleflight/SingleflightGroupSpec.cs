using ActorConcurrency.SharedState.Singleflight;

namespace ActorConcurrency.Tests.Singleflight;

/// <summary>Task 17, shared-memory form: <see cref="SingleflightGroup{TKey,TValue}"/> (lock + dictionary + TaskCompletionSource).</summary>
public sealed class SingleflightGroupSpec : SingleflightContractSpec
{
    protected override ISingleflight<string, int> Create() => new SingleflightGroup<string, int>();

    [Fact]
    public async Task No_flight_is_left_behind_once_every_flight_has_ended()
    {
        var group = new SingleflightGroup<string, int>();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Task<SingleflightResult<int>>[] flights = Enumerable.Range(0, 10)
            .Select(i => group.DoAsync($"key{i % 3}", async () =>
            {
                await release.Task;
                return i;
            }))
            .ToArray();
        Assert.Equal(3, group.InFlight);

        release.SetResult();
        await Task.WhenAll(flights).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(0, group.InFlight);
    }
}
