using ActorConcurrency.SharedState.Leaks;

namespace ActorConcurrency.Tests.Leaks;

/// <summary>Task 9: every fetch form returns the backend's answer in time and gives up when its token fires.</summary>
public sealed class FetchSpec
{
    private static readonly Dictionary<string, Func<Func<CancellationToken, Task<string>>, IFetch>> Forms = new()
    {
        ["Leaking"] = backend => new LeakingFetch(backend),
        ["Buffered"] = backend => new BufferedFetch(backend),
        ["Cancellable"] = backend => new CancellableFetch(backend),
    };

    public static TheoryData<string> AllForms => ["Leaking", "Buffered", "Cancellable"];

    [Theory]
    [MemberData(nameof(AllForms))]
    public async Task Returns_the_backends_answer_when_it_comes_in_time(string form)
    {
        IFetch fetch = Forms[form](_ => Task.FromResult("answer"));
        Assert.Equal("answer", await fetch.FetchAsync(CancellationToken.None));
    }

    [Theory]
    [MemberData(nameof(AllForms))]
    public async Task Gives_up_when_the_callers_token_fires_first(string form)
    {
        var answer = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        IFetch fetch = Forms[form](ct => answer.Task.WaitAsync(ct));
        using var timeout = new CancellationTokenSource();
        Task<string> call = fetch.FetchAsync(timeout.Token);
        await timeout.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        answer.SetResult("late");
    }

    [Fact]
    public async Task Only_the_cancellable_form_cancels_the_backend_call()
    {
        var seen = new TaskCompletionSource<CancellationToken>(TaskCreationOptions.RunContinuationsAsynchronously);
        var fetch = new CancellableFetch(ct =>
        {
            seen.SetResult(ct);
            return Task.Delay(Timeout.Infinite, ct).ContinueWith(_ => "never", TaskScheduler.Default);
        });
        using var timeout = new CancellationTokenSource();
        _ = fetch.FetchAsync(timeout.Token);
        await timeout.CancelAsync();
        Assert.True((await seen.Task).IsCancellationRequested);
    }

    [Theory]
    [MemberData(nameof(AllForms))]
    public void A_null_backend_is_rejected(string form)
    {
        Assert.Equal("backend", Assert.Throws<ArgumentNullException>(() => Forms[form](null!)).ParamName);
    }
}
