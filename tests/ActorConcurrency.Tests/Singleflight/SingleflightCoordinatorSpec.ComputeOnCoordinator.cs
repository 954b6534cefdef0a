using ActorConcurrency.Actors.Singleflight;
using Akka.Actor;
using Result = ActorConcurrency.Actors.Singleflight.SingleflightProtocol.Result<string, int>;

namespace ActorConcurrency.Tests.Singleflight;

/// <summary>
/// Where the compute runs: its synchronous part on the coordinator's thread (as any asynchronous call an actor
/// starts and pipes to itself), so a compute that blocks before returning its task holds the mailbox. The flight
/// still ends by a message, so every request that arrived while the compute ran joins it.
/// </summary>
public sealed partial class SingleflightCoordinatorSpec
{
    [Fact]
    public async Task Callers_that_ask_while_the_compute_blocks_the_coordinator_join_its_flight()
    {
        IActorRef coordinator = NewCoordinator();
        using var entered = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        int computes = 0;
        Func<Task<int>> blocking = () =>
        {
            Interlocked.Increment(ref computes);
            entered.Set();
            Assert.True(release.Wait(Hang));
            return Task.FromResult(42);
        };

        Task<Result> leader = DoAsync(coordinator, "key", blocking);
        Assert.True(entered.Wait(Hang));
        // Each Ask has enqueued its request when it returns: all of them are in the mailbox before the compute returns.
        Task<Result>[] joiners = Enumerable.Range(1, Callers - 1).Select(_ => DoAsync(coordinator, "key", blocking)).ToArray();
        release.Set();

        Result[] results = await Task.WhenAll(joiners.Prepend(leader)).WaitAsync(Hang);
        Assert.Equal(1, computes);
        Assert.All(results, r => Assert.Equal(new Result("key", 42, Shared: true), r));
        Assert.Equal(0, await WaitersAsync(coordinator, "key"));
    }

    [Fact]
    public async Task A_compute_that_blocks_before_returning_its_task_holds_every_key_until_it_returns()
    {
        IActorRef coordinator = NewCoordinator();
        using var entered = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        int step = 0, slowReturned = 0, otherComputed = 0;
        Task<Result> slow = DoAsync(coordinator, "slow", () =>
        {
            entered.Set();
            Assert.True(release.Wait(Hang));
            slowReturned = Interlocked.Increment(ref step);
            return Task.FromResult(1);
        });
        Assert.True(entered.Wait(Hang));

        Task<Result> other = DoAsync(coordinator, "other", () =>
        {
            otherComputed = Interlocked.Increment(ref step);
            return Task.FromResult(2);
        });
        release.Set();

        Assert.Equal(new Result("slow", 1, Shared: false), await slow.WaitAsync(Hang));
        Assert.Equal(new Result("other", 2, Shared: false), await other.WaitAsync(Hang));
        Assert.True(otherComputed > slowReturned, "another key's compute ran while a compute blocked the coordinator");
    }

    [Fact]
    public async Task A_blocking_compute_given_to_Task_Run_leaves_other_keys_free()
    {
        IActorRef coordinator = NewCoordinator();
        using var release = new ManualResetEventSlim();
        Task<Result> slow = DoAsync(coordinator, "slow", () => Task.Run(() =>
        {
            Assert.True(release.Wait(Hang));
            return 1;
        }));

        Assert.Equal(new Result("other", 2, Shared: false), await DoAsync(coordinator, "other", () => Task.FromResult(2)).WaitAsync(Hang));
        Assert.Equal(1, await WaitersAsync(coordinator, "slow"));
        release.Set();
        Assert.Equal(new Result("slow", 1, Shared: false), await slow.WaitAsync(Hang));
    }
}
