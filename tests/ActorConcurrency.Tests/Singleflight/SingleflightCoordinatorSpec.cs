using ActorConcurrency.Actors.Hosting;
using ActorConcurrency.Actors.Singleflight;
using ActorConcurrency.Tests.Support;
using Akka.Actor;
using Akka.TestKit.Xunit2;
using Result = ActorConcurrency.Actors.Singleflight.SingleflightProtocol.Result<string, int>;

namespace ActorConcurrency.Tests.Singleflight;

/// <summary>
/// Task 17, actor form: <see cref="SingleflightCoordinator{TKey,TValue}"/>. The gate that holds the leader's
/// compute is released only once the coordinator itself reports, by <see cref="SingleflightProtocol.GetWaiterCount{TKey}"/>,
/// that every caller has joined: each caller's <c>Ask</c> has enqueued its request before returning, so a query
/// sent after all of them is answered after all of them (one mailbox, processed in order). No sleeping, no polling.
/// </summary>
public sealed partial class SingleflightCoordinatorSpec : TestKit
{
    private const int Callers = 100;
    private static readonly TimeSpan Hang = TimeSpan.FromSeconds(30);

    public SingleflightCoordinatorSpec()
        : base(HoconConfig.Base)
    {
    }

    private static TaskCompletionSource NewGate() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static Task<Result> DoAsync(IActorRef coordinator, string key, Func<Task<int>> compute, CancellationToken cancellationToken = default) =>
        coordinator.DoAsync(key, compute, Hang, cancellationToken);

    private static async Task<bool> ForgetUnsharedAsync(IActorRef coordinator, string key) =>
        (await coordinator.Ask<SingleflightProtocol.UnsharedForgotten<string>>(new SingleflightProtocol.ForgetUnshared<string>(key), Hang)).Forgotten;

    private static async Task<int> WaitersAsync(IActorRef coordinator, string key) =>
        (await coordinator.Ask<SingleflightProtocol.WaiterCount<string>>(new SingleflightProtocol.GetWaiterCount<string>(key), Hang)).Count;

    private IActorRef NewCoordinator() => Sys.ActorOf(SingleflightCoordinator<string, int>.Props());

    [Fact]
    public async Task Hundred_concurrent_callers_of_one_key_share_one_compute()
    {
        int repetitions = Math.Min(StressConfig.Repetitions, 20);
        for (int repetition = 0; repetition < repetitions; repetition++)
        {
            IActorRef coordinator = NewCoordinator();
            int computes = 0;
            int asked = 0;
            TaskCompletionSource start = NewGate(), allAsked = NewGate(), release = NewGate();

            Task<Result>[] callers = Enumerable.Range(0, Callers).Select(_ => Task.Run(async () =>
            {
                await start.Task;
                Task<Result> pending = DoAsync(coordinator, "key", async () =>
                {
                    Interlocked.Increment(ref computes);
                    await release.Task;
                    return 42;
                });
                if (Interlocked.Increment(ref asked) == Callers)
                {
                    allAsked.SetResult();
                }

                return await pending;
            })).ToArray();

            start.SetResult();
            await allAsked.Task.WaitAsync(Hang);
            Assert.Equal(Callers, await WaitersAsync(coordinator, "key"));
            release.SetResult();
            Result[] results = await Task.WhenAll(callers).WaitAsync(Hang);

            Assert.Equal(1, computes);
            Assert.All(results, r => Assert.Equal(42, r.Value));
            Assert.All(results, r => Assert.True(r.Shared)); // Go: the leader too, since others joined
            Assert.Equal(0, await WaitersAsync(coordinator, "key")); // forgotten when the flight ended
            Sys.Stop(coordinator);
        }
    }

    [Fact]
    public async Task Different_keys_run_independently()
    {
        IActorRef coordinator = NewCoordinator();
        TaskCompletionSource releaseA = NewGate();
        Task<Result> a = DoAsync(coordinator, "a", async () =>
        {
            await releaseA.Task;
            return 1;
        });

        Result b = await DoAsync(coordinator, "b", () => Task.FromResult(2));

        Assert.Equal(new Result("b", 2, Shared: false), b);
        Assert.Equal(1, await WaitersAsync(coordinator, "a")); // a's flight is still in progress
        releaseA.SetResult();
        Assert.Equal(new Result("a", 1, Shared: false), await a);
    }

    [Fact]
    public async Task The_leaders_exception_reaches_every_waiter_as_a_failure()
    {
        IActorRef coordinator = NewCoordinator();
        TaskCompletionSource release = NewGate();
        var failure = new InvalidOperationException("backend down");
        Func<Task<int>> failing = async () =>
        {
            await release.Task;
            throw failure;
        };

        Task<Result>[] waiters = Enumerable.Range(0, 10).Select(_ => DoAsync(coordinator, "key", failing)).ToArray();
        Assert.Equal(10, await WaitersAsync(coordinator, "key"));
        release.SetResult();
        foreach (Task<Result> waiter in waiters)
        {
            Assert.Same(failure, await Assert.ThrowsAsync<InvalidOperationException>(() => waiter));
        }

        // Not cached: the next request starts a fresh flight.
        Assert.Equal(new Result("key", 7, Shared: false), await DoAsync(coordinator, "key", () => Task.FromResult(7)));
    }

    [Fact]
    public async Task A_waiter_that_is_not_an_Ask_gets_Status_Failure()
    {
        IActorRef coordinator = NewCoordinator();
        var failure = new InvalidOperationException("threw synchronously");
        coordinator.Tell(new SingleflightProtocol.Do<string, int>("key", () => throw failure), TestActor);

        var reply = await ExpectMsgAsync<Status.Failure>();
        Assert.Same(failure, reply.Cause);
    }

    [Fact]
    public async Task A_compute_that_returns_a_null_task_fails_its_flight_with_a_clear_error()
    {
        IActorRef coordinator = NewCoordinator();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => DoAsync(coordinator, "key", () => null!));
        Assert.Equal(SharedState.Singleflight.SingleflightCompute.NullTaskMessage, error.Message);
        Assert.Equal(new Result("key", 3, Shared: false), await DoAsync(coordinator, "key", () => Task.FromResult(3)));
    }

    [Fact]
    public async Task The_leader_reports_shared_only_when_another_waiter_joined()
    {
        IActorRef coordinator = NewCoordinator();
        TaskCompletionSource release = NewGate();
        Func<Task<int>> held = async () =>
        {
            await release.Task;
            return 1;
        };

        Result alone = await DoAsync(coordinator, "alone", () => Task.FromResult(0));
        Task<Result> leader = DoAsync(coordinator, "key", held);
        Task<Result> joiner = DoAsync(coordinator, "key", held);
        Assert.Equal(2, await WaitersAsync(coordinator, "key"));
        release.SetResult();

        Assert.Equal(new Result("alone", 0, Shared: false), alone);
        Assert.Equal(new Result("key", 1, Shared: true), await leader);
        Assert.Equal(new Result("key", 1, Shared: true), await joiner);
    }

    [Fact]
    public async Task Forget_starts_a_fresh_flight_while_the_old_waiters_get_the_old_result()
    {
        IActorRef coordinator = NewCoordinator();
        TaskCompletionSource releaseOld = NewGate(), releaseNew = NewGate();
        Func<Task<int>> Held(TaskCompletionSource gate, int value) => async () =>
        {
            await gate.Task;
            return value;
        };

        Task<Result> oldLeader = DoAsync(coordinator, "key", Held(releaseOld, 1));
        Task<Result> oldJoiner = DoAsync(coordinator, "key", Held(releaseOld, -1));
        var forgotten = await coordinator.Ask<SingleflightProtocol.Forgotten<string>>(new SingleflightProtocol.Forget<string>("key"), Hang);
        Assert.True(forgotten.WasInFlight);
        Task<Result> newLeader = DoAsync(coordinator, "key", Held(releaseNew, 2));

        releaseOld.SetResult();
        Assert.Equal(new Result("key", 1, Shared: true), await oldLeader);
        Assert.Equal(new Result("key", 1, Shared: true), await oldJoiner);

        // The old flight's end must not have forgotten the new one: a new caller joins it.
        Task<Result> newJoiner = DoAsync(coordinator, "key", Held(releaseNew, -2));
        Assert.Equal(2, await WaitersAsync(coordinator, "key"));
        releaseNew.SetResult();
        Assert.Equal(new Result("key", 2, Shared: true), await newLeader);
        Assert.Equal(new Result("key", 2, Shared: true), await newJoiner);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public async Task One_waiter_cancelling_does_not_cancel_the_flight_for_the_others(int cancelling)
    {
        IActorRef coordinator = NewCoordinator();
        TaskCompletionSource release = NewGate();
        int computes = 0;
        Func<Task<int>> compute = async () =>
        {
            Interlocked.Increment(ref computes);
            await release.Task;
            return 5;
        };
        using var cancellation = new CancellationTokenSource();

        var waiters = new Task<Result>[3];
        for (int i = 0; i < waiters.Length; i++)
        {
            waiters[i] = DoAsync(coordinator, "key", compute, i == cancelling ? cancellation.Token : CancellationToken.None);
        }

        Assert.Equal(3, await WaitersAsync(coordinator, "key"));
        await cancellation.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiters[cancelling]);
        release.SetResult();
        for (int i = 0; i < waiters.Length; i++)
        {
            if (i != cancelling)
            {
                Assert.Equal(5, (await waiters[i]).Value);
            }
        }

        Assert.Equal(1, computes);
    }

    [Fact]
    public async Task Stopping_with_a_flight_in_progress_fails_every_waiter()
    {
        IActorRef coordinator = NewCoordinator();
        TaskCompletionSource never = NewGate();
        Task<Result>[] waiters = Enumerable.Range(0, 3).Select(_ => DoAsync(coordinator, "key", async () =>
        {
            await never.Task;
            return 0;
        })).ToArray();
        Assert.Equal(3, await WaitersAsync(coordinator, "key"));

        await coordinator.GracefulStop(Hang);

        foreach (Task<Result> waiter in waiters)
        {
            await Assert.ThrowsAsync<SingleflightProtocol.CoordinatorStoppedException>(() => waiter);
        }

        never.SetResult();
    }

    [Fact]
    public void A_null_key_or_compute_is_rejected_when_the_message_is_built()
    {
        Assert.Equal("key", Assert.Throws<ArgumentNullException>(() => new SingleflightProtocol.Do<string, int>(null!, () => Task.FromResult(1))).ParamName);
        Assert.Equal("compute", Assert.Throws<ArgumentNullException>(() => new SingleflightProtocol.Do<string, int>("key", null!)).ParamName);
        Assert.Equal("coordinator", Assert.Throws<ArgumentNullException>(() => { _ = SingleflightAsk.DoAsync<string, int>(null!, "key", () => Task.FromResult(1), Hang); }).ParamName);
    }
}
