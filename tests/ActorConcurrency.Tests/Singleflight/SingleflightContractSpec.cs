using ActorConcurrency.SharedState.Singleflight;
using ActorConcurrency.Tests.Support;

namespace ActorConcurrency.Tests.Singleflight;

/// <summary>
/// Task 17: what every shared-memory singleflight form must do, one behaviour per spec (as in Go's
/// singleflight tests). Interleavings are forced with gates: each compute waits on a
/// <see cref="TaskCompletionSource"/> the spec releases only once the callers it wants have joined, which it
/// knows because joining is synchronous (a caller has joined when <c>DoAsync</c> has returned its task).
/// </summary>
public abstract partial class SingleflightContractSpec
{
    private const int Callers = 100;

    /// <summary>A safety net, not a timing assertion: a broken form fails the spec instead of hanging CI.</summary>
    private static readonly TimeSpan Hang = TimeSpan.FromSeconds(30);

    protected abstract ISingleflight<string, int> Create();

    private static TaskCompletionSource NewGate() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    [Fact]
    public async Task Hundred_concurrent_callers_of_one_key_share_one_compute()
    {
        for (int repetition = 0; repetition < StressConfig.Repetitions; repetition++)
        {
            ISingleflight<string, int> group = Create();
            int computes = 0;
            int joined = 0;
            TaskCompletionSource start = NewGate(), allJoined = NewGate(), release = NewGate();

            Task<SingleflightResult<int>>[] callers = Enumerable.Range(0, Callers).Select(_ => Task.Run(async () =>
            {
                await start.Task;
                Task<SingleflightResult<int>> pending = group.DoAsync("key", async () =>
                {
                    Interlocked.Increment(ref computes);
                    await release.Task; // the leader is held here until every caller has joined
                    return 42;
                });
                if (Interlocked.Increment(ref joined) == Callers)
                {
                    allJoined.SetResult();
                }

                return await pending;
            })).ToArray();

            start.SetResult();
            await allJoined.Task.WaitAsync(Hang);
            release.SetResult();
            SingleflightResult<int>[] results = await Task.WhenAll(callers).WaitAsync(Hang);

            Assert.Equal(1, computes);
            Assert.All(results, r => Assert.Equal(42, r.Value));
            Assert.All(results, r => Assert.True(r.Shared)); // Go: the leader too, since others joined
        }
    }

    [Fact]
    public async Task The_leader_reports_shared_only_when_another_caller_joined()
    {
        ISingleflight<string, int> group = Create();
        TaskCompletionSource release = NewGate();
        Func<Task<int>> held = async () =>
        {
            await release.Task;
            return 1;
        };

        SingleflightResult<int> alone = await group.DoAsync("alone", () => Task.FromResult(0)).WaitAsync(Hang);
        Task<SingleflightResult<int>> leader = group.DoAsync("key", held);
        Task<SingleflightResult<int>> joiner = group.DoAsync("key", held);
        release.SetResult();

        Assert.Equal(new SingleflightResult<int>(0, Shared: false), alone);
        Assert.Equal(new SingleflightResult<int>(1, Shared: true), await leader.WaitAsync(Hang));
        Assert.Equal(new SingleflightResult<int>(1, Shared: true), await joiner.WaitAsync(Hang));
    }

    /// <summary>How a compute can end canceled: it throws after an await, throws before returning a task, or returns a canceled task.</summary>
    public enum CancelKind
    {
        ThrowsAfterAwait,
        ThrowsSynchronously,
        ReturnsCanceledTask,
    }

    [Theory]
    [InlineData(CancelKind.ThrowsAfterAwait)]
    [InlineData(CancelKind.ThrowsSynchronously)]
    [InlineData(CancelKind.ReturnsCanceledTask)]
    public async Task A_canceled_compute_cancels_every_waiter_with_one_exception_and_is_not_cached(CancelKind kind)
    {
        ISingleflight<string, int> group = Create();
        TaskCompletionSource release = NewGate();
        var canceledTask = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var source = new CancellationTokenSource();
        await source.CancelAsync();
        var thrown = new OperationCanceledException("compute canceled", source.Token);
        int computes = 0;
        Func<Task<int>> canceled = kind switch
        {
            CancelKind.ThrowsAfterAwait => async () =>
            {
                Interlocked.Increment(ref computes);
                await release.Task;
                throw thrown;
            },
            CancelKind.ThrowsSynchronously => () =>
            {
                Interlocked.Increment(ref computes);
                throw thrown;
            },
            _ => () =>
            {
                Interlocked.Increment(ref computes);
                return canceledTask.Task; // canceled below, with a token and no exception object
            },
        };

        // The synchronous form ends its flight inside the first DoAsync, so only one caller can see it.
        int callers = kind == CancelKind.ThrowsSynchronously ? 1 : 5;
        Task<SingleflightResult<int>>[] waiters = Enumerable.Range(0, callers).Select(_ => group.DoAsync("key", canceled)).ToArray();
        release.SetResult();
        canceledTask.SetCanceled(source.Token);
        var seen = new List<OperationCanceledException>();
        foreach (Task<SingleflightResult<int>> waiter in waiters)
        {
            seen.Add(await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiter.WaitAsync(Hang)));
            Assert.True(waiter.IsCanceled, $"the waiter's task is {waiter.Status}, not Canceled");
        }

        Assert.All(seen, e => Assert.Same(seen[0], e)); // one exception for every waiter
        Assert.Equal(source.Token, seen[0].CancellationToken);
        if (kind != CancelKind.ReturnsCanceledTask)
        {
            Assert.Same(thrown, seen[0]); // the compute's own instance, not a fresh TaskCanceledException
        }

        Assert.Equal(1, computes);
        Assert.Equal(new SingleflightResult<int>(7, Shared: false), await group.DoAsync("key", () => Task.FromResult(7)).WaitAsync(Hang));
    }

    [Fact]
    public async Task Different_keys_run_independently()
    {
        ISingleflight<string, int> group = Create();
        TaskCompletionSource releaseA = NewGate();
        int computes = 0;

        Task<SingleflightResult<int>> a = group.DoAsync("a", async () =>
        {
            Interlocked.Increment(ref computes);
            await releaseA.Task;
            return 1;
        });
        SingleflightResult<int> b = await group.DoAsync("b", () =>
        {
            Interlocked.Increment(ref computes);
            return Task.FromResult(2);
        }).WaitAsync(Hang);

        Assert.Equal(new SingleflightResult<int>(2, Shared: false), b);
        Assert.False(a.IsCompleted); // b did not wait for a's flight
        releaseA.SetResult();
        Assert.Equal(new SingleflightResult<int>(1, Shared: false), await a.WaitAsync(Hang));
        Assert.Equal(2, computes);
    }

    [Fact]
    public async Task The_leaders_exception_reaches_every_waiter_and_is_not_cached()
    {
        ISingleflight<string, int> group = Create();
        TaskCompletionSource release = NewGate();
        var failure = new InvalidOperationException("backend down");
        int computes = 0;
        Func<Task<int>> failing = async () =>
        {
            Interlocked.Increment(ref computes);
            await release.Task;
            throw failure;
        };

        Task<SingleflightResult<int>>[] waiters = Enumerable.Range(0, 10).Select(_ => group.DoAsync("key", failing)).ToArray();
        release.SetResult();
        foreach (Task<SingleflightResult<int>> waiter in waiters)
        {
            Assert.Same(failure, await Assert.ThrowsAsync<InvalidOperationException>(() => waiter.WaitAsync(Hang)));
        }

        Assert.Equal(1, computes);

        // The failed flight is forgotten: the next call computes again instead of replaying the exception.
        SingleflightResult<int> next = await group.DoAsync("key", () => Task.FromResult(7)).WaitAsync(Hang);
        Assert.Equal(new SingleflightResult<int>(7, Shared: false), next);
    }

    [Fact]
    public async Task A_compute_that_throws_before_returning_a_task_fails_its_flight()
    {
        ISingleflight<string, int> group = Create();
        var failure = new InvalidOperationException("threw synchronously");

        await Assert.ThrowsAsync<InvalidOperationException>(() => group.DoAsync("key", () => throw failure).WaitAsync(Hang));
        Assert.Equal(3, (await group.DoAsync("key", () => Task.FromResult(3)).WaitAsync(Hang)).Value);
    }

    [Fact]
    public async Task The_key_is_forgotten_when_the_flight_ends_so_the_next_call_computes_again()
    {
        ISingleflight<string, int> group = Create();
        int computes = 0;
        Func<Task<int>> compute = () => Task.FromResult(Interlocked.Increment(ref computes));

        SingleflightResult<int> first = await group.DoAsync("key", compute).WaitAsync(Hang);
        SingleflightResult<int> second = await group.DoAsync("key", compute).WaitAsync(Hang);

        Assert.Equal(new SingleflightResult<int>(1, Shared: false), first);
        Assert.Equal(new SingleflightResult<int>(2, Shared: false), second);
    }

    [Fact]
    public async Task Forget_starts_a_fresh_flight_while_the_old_waiters_get_the_old_result()
    {
        ISingleflight<string, int> group = Create();
        TaskCompletionSource releaseOld = NewGate(), releaseNew = NewGate();
        int computes = 0;
        Func<Task<int>> Held(TaskCompletionSource gate, int value) => async () =>
        {
            Interlocked.Increment(ref computes);
            await gate.Task;
            return value;
        };

        Task<SingleflightResult<int>> oldLeader = group.DoAsync("key", Held(releaseOld, 1));
        Task<SingleflightResult<int>> oldJoiner = group.DoAsync("key", Held(releaseOld, -1));
        Assert.True(group.Forget("key"));
        Task<SingleflightResult<int>> newLeader = group.DoAsync("key", Held(releaseNew, 2));

        releaseOld.SetResult();
        Assert.Equal(new SingleflightResult<int>(1, Shared: true), await oldLeader.WaitAsync(Hang));
        Assert.Equal(new SingleflightResult<int>(1, Shared: true), await oldJoiner.WaitAsync(Hang));

        // The old flight ended after Forget: it must not have removed the new flight, which a caller still joins.
        Task<SingleflightResult<int>> newJoiner = group.DoAsync("key", Held(releaseNew, -2));
        releaseNew.SetResult();
        Assert.Equal(new SingleflightResult<int>(2, Shared: true), await newLeader.WaitAsync(Hang));
        Assert.Equal(new SingleflightResult<int>(2, Shared: true), await newJoiner.WaitAsync(Hang));
        Assert.Equal(2, computes);
        Assert.False(group.Forget("key"));
    }

    [Theory]
    [InlineData(0)] // the leader gives up waiting
    [InlineData(1)] // a joiner gives up waiting
    public async Task One_waiter_cancelling_does_not_cancel_the_flight_for_the_others(int cancelling)
    {
        ISingleflight<string, int> group = Create();
        TaskCompletionSource release = NewGate();
        int computes = 0;
        Func<Task<int>> compute = async () =>
        {
            Interlocked.Increment(ref computes);
            await release.Task;
            return 5;
        };
        using var cancellation = new CancellationTokenSource();

        var waiters = new Task<SingleflightResult<int>>[3];
        for (int i = 0; i < waiters.Length; i++)
        {
            waiters[i] = group.DoAsync("key", compute, i == cancelling ? cancellation.Token : CancellationToken.None);
        }

        await cancellation.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiters[cancelling].WaitAsync(Hang));
        release.SetResult();
        for (int i = 0; i < waiters.Length; i++)
        {
            if (i != cancelling)
            {
                Assert.Equal(5, (await waiters[i].WaitAsync(Hang)).Value);
            }
        }

        Assert.Equal(1, computes);
    }

    [Fact]
    public void A_null_key_or_compute_is_rejected_at_once_with_its_parameter_name()
    {
        ISingleflight<string, int> group = Create();
        Assert.Equal("key", Assert.Throws<ArgumentNullException>(() => { _ = group.DoAsync(null!, () => Task.FromResult(1)); }).ParamName);
        Assert.Equal("compute", Assert.Throws<ArgumentNullException>(() => { _ = group.DoAsync("key", null!); }).ParamName);
        Assert.Equal("key", Assert.Throws<ArgumentNullException>(() => group.Forget(null!)).ParamName);
        Assert.Equal("key", Assert.Throws<ArgumentNullException>(() => group.ForgetUnshared(null!)).ParamName);
    }
}
