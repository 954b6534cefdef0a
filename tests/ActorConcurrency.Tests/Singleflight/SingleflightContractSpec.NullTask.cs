using ActorConcurrency.SharedState.Singleflight;

namespace ActorConcurrency.Tests.Singleflight;

/// <summary>Task 17 contract: a compute that returns null instead of a task is the compute's fault, told clearly.</summary>
public abstract partial class SingleflightContractSpec
{
    [Fact]
    public async Task A_compute_that_returns_a_null_task_fails_its_flight_with_a_clear_error()
    {
        ISingleflight<string, int> group = Create();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => group.DoAsync("key", () => null!).WaitAsync(Hang));
        Assert.Equal(SingleflightCompute.NullTaskMessage, error.Message);
        Assert.Equal(3, (await group.DoAsync("key", () => Task.FromResult(3)).WaitAsync(Hang)).Value); // not cached
    }
}
