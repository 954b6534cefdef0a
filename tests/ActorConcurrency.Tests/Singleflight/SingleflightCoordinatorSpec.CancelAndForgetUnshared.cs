using ActorConcurrency.Actors.Singleflight;
using Akka.Actor;
using Result = ActorConcurrency.Actors.Singleflight.SingleflightProtocol.Result<string, int>;

namespace ActorConcurrency.Tests.Singleflight;

/// <summary>Task 17, actor form: a canceled compute and <c>ForgetUnshared</c>, the same rules as the shared-memory forms.</summary>
public sealed partial class SingleflightCoordinatorSpec
{
    [Theory]
    [InlineData(SingleflightContractSpec.CancelKind.ThrowsAfterAwait)]
    [InlineData(SingleflightContractSpec.CancelKind.ThrowsSynchronously)]
    [InlineData(SingleflightContractSpec.CancelKind.ReturnsCanceledTask)]
    public async Task A_canceled_compute_cancels_every_DoAsync_waiter_with_one_exception_and_is_not_cached(SingleflightContractSpec.CancelKind kind)
    {
        IActorRef coordinator = NewCoordinator();
        TaskCompletionSource release = NewGate();
        var canceledTask = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var source = new CancellationTokenSource();
        await source.CancelAsync();
        var thrown = new OperationCanceledException("compute canceled", source.Token);
        int computes = 0;
        Func<Task<int>> canceled = kind switch
        {
            SingleflightContractSpec.CancelKind.ThrowsAfterAwait => async () =>
            {
                Interlocked.Increment(ref computes);
                await release.Task;
                throw thrown;
            },
            SingleflightContractSpec.CancelKind.ThrowsSynchronously => () =>
            {
                Interlocked.Increment(ref computes);
                throw thrown;
            },
            _ => () =>
            {
                Interlocked.Increment(ref computes);
                return canceledTask.Task;
            },
        };

        // Each compute is held at a gate until all five waiters have joined, then ends the way the case names.
        TaskCompletionSource gate = NewGate();
        Task<Result>[] waiters = Enumerable.Range(0, 5).Select(_ => DoAsync(coordinator, "key", async () =>
        {
            await gate.Task;
            return await canceled();
        })).ToArray();
        Assert.Equal(5, await WaitersAsync(coordinator, "key"));
        gate.SetResult();
        release.SetResult();
        canceledTask.SetCanceled(source.Token);

        var seen = new List<OperationCanceledException>();
        foreach (Task<Result> waiter in waiters)
        {
            seen.Add(await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiter.WaitAsync(Hang)));
            Assert.True(waiter.IsCanceled, $"the waiter's task is {waiter.Status}, not Canceled");
        }

        Assert.All(seen, e => Assert.Same(seen[0], e));
        Assert.Equal(source.Token, seen[0].CancellationToken);
        if (kind != SingleflightContractSpec.CancelKind.ReturnsCanceledTask)
        {
            Assert.Same(thrown, seen[0]);
        }

        Assert.Equal(1, computes);
        Assert.Equal(new Result("key", 7, Shared: false), await DoAsync(coordinator, "key", () => Task.FromResult(7)));
    }

    [Fact]
    public async Task A_canceled_compute_reaches_a_Tell_waiter_as_a_failure_carrying_its_own_exception()
    {
        IActorRef coordinator = NewCoordinator();
        var thrown = new OperationCanceledException("compute canceled");
        coordinator.Tell(new SingleflightProtocol.Do<string, int>("key", () => throw thrown), TestActor);

        var reply = await ExpectMsgAsync<Status.Failure>();
        Assert.Same(thrown, reply.Cause);
    }

    [Fact]
    public async Task ForgetUnshared_of_a_key_without_a_flight_reports_true()
    {
        Assert.True(await ForgetUnsharedAsync(NewCoordinator(), "key"));
    }

    [Fact]
    public async Task ForgetUnshared_forgets_a_flight_nobody_joined_so_the_next_request_computes_again()
    {
        IActorRef coordinator = NewCoordinator();
        TaskCompletionSource releaseOld = NewGate();
        Task<Result> oldLeader = DoAsync(coordinator, "key", async () =>
        {
            await releaseOld.Task;
            return 1;
        });

        Assert.True(await ForgetUnsharedAsync(coordinator, "key"));
        Result fresh = await DoAsync(coordinator, "key", () => Task.FromResult(2));
        releaseOld.SetResult();

        Assert.Equal(new Result("key", 2, Shared: false), fresh);
        Assert.Equal(new Result("key", 1, Shared: false), await oldLeader);
    }

    [Fact]
    public async Task ForgetUnshared_keeps_a_flight_another_waiter_joined()
    {
        IActorRef coordinator = NewCoordinator();
        TaskCompletionSource release = NewGate();
        int computes = 0;
        Func<Task<int>> held = async () =>
        {
            Interlocked.Increment(ref computes);
            await release.Task;
            return 3;
        };

        Task<Result> leader = DoAsync(coordinator, "key", held);
        Task<Result> joiner = DoAsync(coordinator, "key", held);
        Assert.False(await ForgetUnsharedAsync(coordinator, "key"));
        Task<Result> late = DoAsync(coordinator, "key", held);
        Assert.Equal(3, await WaitersAsync(coordinator, "key"));
        release.SetResult();

        foreach (Task<Result> caller in new[] { leader, joiner, late })
        {
            Assert.Equal(new Result("key", 3, Shared: true), await caller);
        }

        Assert.Equal(1, computes);
    }
}
