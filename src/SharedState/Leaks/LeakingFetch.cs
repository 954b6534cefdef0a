namespace ActorConcurrency.SharedState.Leaks;

/// <summary>
/// Task 9, the leaking form, as in the Go exercise: <c>ch := make(chan string); go func() { ch &lt;- slow() }();
/// select { case r := &lt;-ch: … case &lt;-ctx.Done(): … }</c>. The worker hands its answer over a
/// <see cref="Rendezvous{T}"/>. When the caller times out first, nobody will ever receive, so the worker's
/// send blocks for ever: one leaked task (and everything it references) per timed-out call.
/// </summary>
public sealed class LeakingFetch : IFetch
{
    private readonly Func<CancellationToken, Task<string>> _backend;

    /// <summary>Fetches from <paramref name="backend"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="backend"/> is null.</exception>
    public LeakingFetch(Func<CancellationToken, Task<string>> backend)
    {
        ArgumentNullException.ThrowIfNull(backend);
        _backend = backend;
    }

    /// <inheritdoc />
    public async Task<string> FetchAsync(CancellationToken cancellationToken)
    {
        var results = new Rendezvous<string>();

        // `go func() { ... }()`: fire and forget. The worker is not told about the caller's deadline.
        _ = Task.Run(() => WorkAsync(results));
        return await results.ReceiveAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task WorkAsync(Rendezvous<string> results)
    {
        string answer = await _backend(CancellationToken.None).ConfigureAwait(false);

        // The leak: if the caller already gave up, no receiver will ever come, and this never completes.
        await results.SendAsync(answer).ConfigureAwait(false);
    }
}
