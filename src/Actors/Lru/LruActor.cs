using ActorConcurrency.SharedState.Lru;
using Akka.Actor;

namespace ActorConcurrency.Actors.Lru;

/// <summary>
/// Task 13, actor form: the LRU is owned by one actor. Its <see cref="SingleOwnerLru{TKey,TValue}"/> is
/// touched only inside this actor's handlers, which the mailbox runs one at a time, so it needs no lock;
/// the operations, their meaning and the invariant check are exactly those of
/// <see cref="LruCache{TKey,TValue}"/>, reached by <see cref="LruProtocol"/> messages. Every request gets
/// one reply, and anything the actor cannot serve is answered with <see cref="LruProtocol.Rejected"/>
/// rather than dropped.
/// </summary>
/// <typeparam name="TKey">The key; never null.</typeparam>
/// <typeparam name="TValue">The value.</typeparam>
public sealed class LruActor<TKey, TValue> : ReceiveActor
    where TKey : notnull
{
    /// <summary>Touched only inside this actor's message handlers.</summary>
    private readonly SingleOwnerLru<TKey, TValue> _lru;

    /// <summary>Creates the actor's behaviour.</summary>
    public LruActor(int capacity)
    {
        _lru = new SingleOwnerLru<TKey, TValue>(capacity);

        Receive<LruProtocol.Get<TKey>>(get =>
        {
            if (Reject(get, get.Key))
            {
                return;
            }

            bool found = _lru.TryGet(get.Key, out TValue value);
            Sender.Tell(new LruProtocol.GetResult<TKey, TValue>(get.Key, found, found ? value : default));
        });
        Receive<LruProtocol.Set<TKey, TValue>>(set =>
        {
            if (Reject(set, set.Key))
            {
                return;
            }

            bool evicted = _lru.Set(set.Key, set.Value);
            Sender.Tell(new LruProtocol.Stored<TKey>(set.Key, evicted));
        });
        Receive<LruProtocol.Remove<TKey>>(remove =>
        {
            if (Reject(remove, remove.Key))
            {
                return;
            }

            Sender.Tell(new LruProtocol.Removed<TKey>(remove.Key, _lru.Remove(remove.Key)));
        });
        Receive<LruProtocol.GetCount>(_ => Sender.Tell(new LruProtocol.CountIs(_lru.Count, _lru.Capacity)));
        Receive<LruProtocol.GetRecencyOrder>(_ => Sender.Tell(new LruProtocol.RecencyOrderIs<TKey>(_lru.RecencyOrder())));
        Receive<LruProtocol.CheckInvariants>(_ => Sender.Tell(new LruProtocol.InvariantsChecked(_lru.CheckInvariants())));
        ReceiveAny(other => Sender.Tell(new LruProtocol.Rejected(
            other, $"LruActor<{typeof(TKey).Name},{typeof(TValue).Name}> does not handle {other.GetType().Name}")));
    }

    /// <summary>The props to spawn an LRU owner of <paramref name="capacity"/> entries.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is below 1 (checked here, before any actor exists).</exception>
    public static Props Props(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        return Akka.Actor.Props.Create(() => new LruActor<TKey, TValue>(capacity));
    }

    private bool Reject(object request, TKey key)
    {
        if (key is not null)
        {
            return false;
        }

        Sender.Tell(new LruProtocol.Rejected(request, "the key must not be null"));
        return true;
    }
}
