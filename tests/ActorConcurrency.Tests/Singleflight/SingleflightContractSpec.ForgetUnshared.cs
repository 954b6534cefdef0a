using ActorConcurrency.SharedState.Singleflight;
using ActorConcurrency.Tests.Support;

namespace ActorConcurrency.Tests.Singleflight;

/// <summary>Task 17 contract, Go's internal <c>ForgetUnshared</c>: forgets a flight only when nobody joined it, atomically with respect to joining.</summary>
public abstract partial class SingleflightContractSpec
{
    [Fact]
    public void ForgetUnshared_of_a_key_without_a_flight_reports_true()
    {
        Assert.True(Create().ForgetUnshared("key"));
    }

    [Fact]
    public async Task ForgetUnshared_forgets_a_flight_nobody_joined_so_the_next_call_computes_again()
    {
        ISingleflight<string, int> group = Create();
        TaskCompletionSource releaseOld = NewGate();
        int computes = 0;
        Task<SingleflightResult<int>> oldLeader = group.DoAsync("key", async () =>
        {
            Interlocked.Increment(ref computes);
            await releaseOld.Task;
            return 1;
        });

        Assert.True(group.ForgetUnshared("key"));
        SingleflightResult<int> fresh = await group.DoAsync("key", () => Task.FromResult(Interlocked.Increment(ref computes) * 10)).WaitAsync(Hang);
        releaseOld.SetResult();

        Assert.Equal(new SingleflightResult<int>(20, Shared: false), fresh);
        Assert.Equal(new SingleflightResult<int>(1, Shared: false), await oldLeader.WaitAsync(Hang));
        Assert.Equal(2, computes);
    }

    [Fact]
    public async Task ForgetUnshared_keeps_a_flight_another_caller_joined()
    {
        ISingleflight<string, int> group = Create();
        TaskCompletionSource release = NewGate();
        int computes = 0;
        Func<Task<int>> held = async () =>
        {
            Interlocked.Increment(ref computes);
            await release.Task;
            return 3;
        };

        Task<SingleflightResult<int>> leader = group.DoAsync("key", held);
        Task<SingleflightResult<int>> joiner = group.DoAsync("key", held);
        Assert.False(group.ForgetUnshared("key"));
        Task<SingleflightResult<int>> late = group.DoAsync("key", held); // still joins the kept flight
        release.SetResult();

        foreach (Task<SingleflightResult<int>> caller in new[] { leader, joiner, late })
        {
            Assert.Equal(new SingleflightResult<int>(3, Shared: true), await caller.WaitAsync(Hang));
        }

        Assert.Equal(1, computes);
    }

    [Fact]
    public async Task ForgetUnshared_racing_a_joiner_either_forgets_before_it_joins_or_keeps_the_flight_for_it()
    {
        for (int repetition = 0; repetition < StressConfig.Repetitions; repetition++)
        {
            ISingleflight<string, int> group = Create();
            TaskCompletionSource releaseOld = NewGate(), start = NewGate();
            Task<SingleflightResult<int>> oldLeader = group.DoAsync("key", async () =>
            {
                await releaseOld.Task;
                return 1;
            });

            Task<bool> forgetting = Task.Run(async () =>
            {
                await start.Task;
                return group.ForgetUnshared("key");
            });
            Task<Task<SingleflightResult<int>>> joining = Task.Run(async () =>
            {
                await start.Task;
                return group.DoAsync("key", () => Task.FromResult(2)); // computes 2 only if it leads a fresh flight
            });
            start.SetResult();
            bool forgotten = await forgetting.WaitAsync(Hang);
            Task<SingleflightResult<int>> racer = await joining.WaitAsync(Hang);
            releaseOld.SetResult();
            SingleflightResult<int> raced = await racer.WaitAsync(Hang);

            // true: nobody had joined, so the racer came after and led a fresh flight; false: it had joined the old one.
            Assert.Equal(forgotten ? new SingleflightResult<int>(2, Shared: false) : new SingleflightResult<int>(1, Shared: true), raced);
            Assert.Equal(new SingleflightResult<int>(1, Shared: !forgotten), await oldLeader.WaitAsync(Hang));
        }
    }
}
