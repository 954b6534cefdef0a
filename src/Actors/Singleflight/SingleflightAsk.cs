using Akka.Actor;

namespace ActorConcurrency.Actors.Singleflight;

/// <summary>
/// The typed way to ask a <see cref="SingleflightCoordinator{TKey,TValue}"/> from outside an actor, with the
/// outcome rule of the shared-memory forms: a value, a fault with the compute's exception, or a
/// <em>canceled</em> task whose exception is the compute's own <see cref="OperationCanceledException"/>.
/// </summary>
public static class SingleflightAsk
{
    /// <summary>
    /// Sends <see cref="SingleflightProtocol.Do{TKey,TValue}"/> by <c>Ask</c> and returns the flight's result.
    /// A bare <c>Ask</c> completes a <see cref="Status.Failure"/> as a fault whatever its cause; awaiting it in
    /// this async method rethrows the same exception instance, and an <see cref="OperationCanceledException"/>
    /// leaving an async method cancels its task (keeping that instance), so a canceled compute cancels here.
    /// </summary>
    /// <param name="coordinator">The coordinator.</param>
    /// <param name="key">The key; not null.</param>
    /// <param name="compute">Runs once per flight, started on the coordinator's thread (see <see cref="SingleflightProtocol.Do{TKey,TValue}.Compute"/>).</param>
    /// <param name="timeout">How long this caller waits; the flight itself goes on.</param>
    /// <param name="cancellationToken">Stops this caller's wait only.</param>
    /// <exception cref="ArgumentNullException"><paramref name="coordinator"/>, <paramref name="key"/> or <paramref name="compute"/> is null.</exception>
    public static Task<SingleflightProtocol.Result<TKey, TValue>> DoAsync<TKey, TValue>(
        this IActorRef coordinator, TKey key, Func<Task<TValue>> compute, TimeSpan timeout, CancellationToken cancellationToken = default)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(coordinator);
        var request = new SingleflightProtocol.Do<TKey, TValue>(key, compute);
        return AskAsync(coordinator, request, timeout, cancellationToken);
    }

    private static async Task<SingleflightProtocol.Result<TKey, TValue>> AskAsync<TKey, TValue>(
        IActorRef coordinator, SingleflightProtocol.Do<TKey, TValue> request, TimeSpan timeout, CancellationToken cancellationToken)
        where TKey : notnull =>
        await coordinator.Ask<SingleflightProtocol.Result<TKey, TValue>>(request, timeout, cancellationToken).ConfigureAwait(false);
}
