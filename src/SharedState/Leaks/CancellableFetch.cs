namespace ActorConcurrency.SharedState.Leaks;

/// <summary>
/// Task 9, the idiomatic .NET fix: no hand-off at all. The caller's token flows into the backend call,
/// so when the caller gives up the work itself is cancelled and nothing is left running — no worker, no
/// channel, no wasted backend call (as far as the backend honours its token).
/// </summary>
public sealed class CancellableFetch : IFetch
{
    private readonly Func<CancellationToken, Task<string>> _backend;

    /// <summary>Fetches from <paramref name="backend"/>, which must honour the token it is given.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="backend"/> is null.</exception>
    public CancellableFetch(Func<CancellationToken, Task<string>> backend)
    {
        ArgumentNullException.ThrowIfNull(backend);
        _backend = backend;
    }

    /// <inheritdoc />
    public Task<string> FetchAsync(CancellationToken cancellationToken) => _backend(cancellationToken);
}
