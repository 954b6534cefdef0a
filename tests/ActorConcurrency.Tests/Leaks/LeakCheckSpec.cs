using ActorConcurrency.RaceDetector.Leaks;
using ActorConcurrency.SharedState.Leaks;
using ActorConcurrency.Tests.Support;

namespace ActorConcurrency.Tests.Leaks;

/// <summary>
/// Task 9: the leak check flags tasks started in its scope that outlive it (with where they started), passes
/// the fixed fetches and an empty scope, and ignores tasks that other code — such as tests running in
/// parallel — starts outside the scope.
/// </summary>
[Collection(RuntimeEventsCollection.Name)]
public sealed class LeakCheckSpec
{
    /// <summary>Spent in full only when something leaks; a clean scope's check ends as soon as its tasks finish.</summary>
    private static readonly TimeSpan LeakGrace = TimeSpan.FromMilliseconds(100);

    /// <summary>Generous, because a clean scope never waits it out.</summary>
    private static readonly TimeSpan CleanGrace = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Flags_the_leaking_fetch_and_names_where_its_task_started()
    {
        LeakReport report = await TaskLeakCheck.RunAsync(() => TimeOutThenAnswerAsync(backend => new LeakingFetch(backend)), LeakGrace);

        Assert.False(report.IsClean);
        Assert.Contains(report.Leaks, l => l.Operation.Contains("WorkAsync") && l.StartedAt.StartsWith("LeakingFetch.WorkAsync"));
        Assert.Contains(report.Leaks, l => l.StartedAt.StartsWith("LeakingFetch.FetchAsync"));
        Assert.Contains("LeakingFetch.FetchAsync", report.ToString());
    }

    [Fact]
    public async Task Passes_the_fetch_with_a_buffer_of_one()
    {
        LeakReport report = await TaskLeakCheck.RunAsync(() => TimeOutThenAnswerAsync(backend => new BufferedFetch(backend)), CleanGrace);
        Assert.True(report.IsClean, report.ToString());
        Assert.True(report.TasksCreated > 0);
    }

    [Fact]
    public async Task Passes_the_fetch_whose_backend_is_cancelled()
    {
        LeakReport report = await TaskLeakCheck.RunAsync(() => TimeOutThenAnswerAsync(backend => new CancellableFetch(backend)), CleanGrace);
        Assert.True(report.IsClean, report.ToString());
    }

    [Fact]
    public async Task Passes_a_scope_that_started_nothing()
    {
        LeakReport report = await TaskLeakCheck.RunAsync(() => Task.CompletedTask, LeakGrace);
        Assert.True(report.IsClean);
        Assert.Equal(0, report.TasksCreated);
    }

    [Fact]
    public async Task Flags_a_plain_Task_Run_still_blocked_and_a_task_it_started()
    {
        using var release = new ManualResetEventSlim();
        try
        {
            LeakReport report = await TaskLeakCheck.RunAsync(
                () =>
                {
                    _ = Task.Run(() => release.Wait());
                    _ = Task.Run(() => Task.Run(() => release.Wait()));
                    return Task.CompletedTask;
                },
                LeakGrace);

            Assert.True(report.Leaks.Count >= 2, report.ToString());
            Assert.All(report.Leaks, l => Assert.Contains("LeakCheckSpec", string.Join("\n", l.Stack)));
        }
        finally
        {
            release.Set();
        }
    }

    [Fact]
    public async Task Ignores_tasks_started_outside_the_scope_even_while_it_runs()
    {
        using var release = new ManualResetEventSlim();
        using var scopeRunning = new ManualResetEventSlim();
        try
        {
            // Another "test" on another thread keeps starting tasks that block while the scope is open.
            var outsider = new Thread(() =>
            {
                scopeRunning.Wait();
                for (int i = 0; i < 20; i++)
                {
                    _ = Task.Run(() => release.Wait());
                }
            });
            outsider.Start();

            _ = Task.Run(() => release.Wait()); // started before the scope, by this test's own code
            LeakReport report = await TaskLeakCheck.RunAsync(
                async () =>
                {
                    scopeRunning.Set();
                    await Task.Run(() => outsider.Join());
                },
                CleanGrace);

            Assert.True(report.IsClean, report.ToString());
        }
        finally
        {
            release.Set();
        }
    }

    [Fact]
    public async Task A_body_that_throws_propagates_its_exception()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => TaskLeakCheck.RunAsync(
            async () =>
            {
                await Task.Yield();
                throw new InvalidOperationException("body failed");
            },
            LeakGrace));
    }

    [Fact]
    public async Task Bad_arguments_are_rejected()
    {
        Assert.Equal("body", (await Assert.ThrowsAsync<ArgumentNullException>(() => TaskLeakCheck.RunAsync(null!, LeakGrace))).ParamName);
        Assert.Equal("gracePeriod", (await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => TaskLeakCheck.RunAsync(() => Task.CompletedTask, TimeSpan.FromSeconds(-1)))).ParamName);
    }

    /// <summary>A call whose caller times out first; the backend answers only afterwards.</summary>
    private static async Task TimeOutThenAnswerAsync(Func<Func<CancellationToken, Task<string>>, IFetch> create)
    {
        var answer = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        IFetch fetch = create(ct => answer.Task.WaitAsync(ct));
        using var timeout = new CancellationTokenSource();
        Task<string> call = fetch.FetchAsync(timeout.Token);
        await timeout.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        answer.SetResult("late answer");
    }
}
