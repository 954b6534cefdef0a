using Akka.Actor;

namespace ActorConcurrency.Actors.Lru;

/// <summary>
/// GetOrAdd with a factory against an <see cref="LruActor{TKey,TValue}"/>: the factory is the caller's code,
/// so it runs at the caller, never inside the actor (which would stall its mailbox). A
/// <see cref="LruProtocol.Get{TKey}"/> first (the counted lookup); on a miss the factory's value goes in an
/// <see cref="LruProtocol.AddIfAbsent{TKey,TValue}"/>, which keeps a value some other caller stored meanwhile —
/// the same rule as the shared-memory forms: the factory may run more than once, the first value stored wins.
/// </summary>
public static class LruActorAsks
{
    /// <summary>The cached value of <paramref name="key"/>, or else the value <paramref name="factory"/> makes, stored.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static async Task<TValue> GetOrAddAsync<TKey, TValue>(
        this IActorRef lru, TKey key, Func<TKey, Task<TValue>> factory, TimeSpan timeout, CancellationToken cancellationToken = default)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(lru);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(factory);
        var cached = await lru.Ask<LruProtocol.GetResult<TKey, TValue>>(new LruProtocol.Get<TKey>(key), timeout, cancellationToken).ConfigureAwait(false);
        if (cached.Found)
        {
            return cached.Value!;
        }

        TValue created = await factory(key).ConfigureAwait(false);
        var stored = await lru.Ask<LruProtocol.GetOrAddResult<TKey, TValue>>(new LruProtocol.AddIfAbsent<TKey, TValue>(key, created), timeout, cancellationToken).ConfigureAwait(false);
        return stored.Value;
    }
}
