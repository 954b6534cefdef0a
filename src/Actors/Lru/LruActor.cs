using ActorConcurrency.SharedState.Lru;
using Akka.Actor;

namespace ActorConcurrency.Actors.Lru;

/// <summary>
/// Task 13, actor form: the LRU is owned by one actor. Its <see cref="SingleOwnerLru{TKey,TValue}"/> is
/// touched only inside this actor's handlers, which the mailbox runs one at a time, so it needs no lock;
/// the operations, their meaning and the invariant check are exactly those of
/// <see cref="LruCache{TKey,TValue}"/>, reached by <see cref="LruProtocol"/> messages. Every request gets
/// one reply, and anything the actor cannot serve is answered with <see cref="LruProtocol.Rejected"/>
/// rather than dropped. Entries that leave are told to the subscribers of
/// <see cref="LruProtocol.SubscribeEvictions"/> once the operation is done, before its reply.
/// </summary>
/// <typeparam name="TKey">The key; never null.</typeparam>
/// <typeparam name="TValue">The value.</typeparam>
public sealed class LruActor<TKey, TValue> : ReceiveActor
    where TKey : notnull
{
    /// <summary>Touched only inside this actor's message handlers.</summary>
    private readonly SingleOwnerLru<TKey, TValue> _lru;

    /// <summary>Who is told of each entry that leaves; watched, so a stopped subscriber is dropped.</summary>
    private readonly HashSet<IActorRef> _subscribers = [];

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
            PublishEvictions();
            Sender.Tell(new LruProtocol.Stored<TKey>(set.Key, evicted));
        });
        Receive<LruProtocol.Remove<TKey>>(remove =>
        {
            if (Reject(remove, remove.Key))
            {
                return;
            }

            bool existed = _lru.Remove(remove.Key);
            PublishEvictions();
            Sender.Tell(new LruProtocol.Removed<TKey>(remove.Key, existed));
        });
        ReceiveSurface();
        Receive<LruProtocol.GetCount>(_ => Sender.Tell(new LruProtocol.CountIs(_lru.Count, _lru.Capacity)));
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

    /// <summary>The members beyond get/set/remove: peeks, conditional adds, the oldest entry, snapshots, resize, clear, metrics, subscriptions.</summary>
    private void ReceiveSurface()
    {
        Receive<LruProtocol.Peek<TKey>>(peek =>
        {
            if (!Reject(peek, peek.Key))
            {
                bool found = _lru.TryPeek(peek.Key, out TValue value);
                Sender.Tell(new LruProtocol.PeekResult<TKey, TValue>(peek.Key, found, found ? value : default));
            }
        });
        Receive<LruProtocol.Contains<TKey>>(contains =>
        {
            if (!Reject(contains, contains.Key))
            {
                Sender.Tell(new LruProtocol.ContainsResult<TKey>(contains.Key, _lru.Contains(contains.Key)));
            }
        });
        Receive<LruProtocol.TryUpdate<TKey, TValue>>(update =>
        {
            if (!Reject(update, update.Key))
            {
                Sender.Tell(new LruProtocol.Updated<TKey>(update.Key, _lru.TryUpdate(update.Key, update.Value)));
            }
        });
        Receive<LruProtocol.GetOrAdd<TKey, TValue>>(getOrAdd =>
        {
            if (Reject(getOrAdd, getOrAdd.Key))
            {
                return;
            }

            // The promoting, counted lookup first, as in the shared-memory forms; on a miss the value is stored.
            bool added = false;
            TValue value = _lru.TryGet(getOrAdd.Key, out TValue cached) ? cached : _lru.AddIfAbsent(getOrAdd.Key, getOrAdd.Value, out added);
            PublishEvictions();
            Sender.Tell(new LruProtocol.GetOrAddResult<TKey, TValue>(getOrAdd.Key, value, added));
        });
        Receive<LruProtocol.AddIfAbsent<TKey, TValue>>(add =>
        {
            if (!Reject(add, add.Key))
            {
                TValue value = _lru.AddIfAbsent(add.Key, add.Value, out bool added);
                PublishEvictions();
                Sender.Tell(new LruProtocol.GetOrAddResult<TKey, TValue>(add.Key, value, added));
            }
        });
        Receive<LruProtocol.ContainsOrAdd<TKey, TValue>>(add =>
        {
            if (!Reject(add, add.Key))
            {
                bool contained = _lru.ContainsOrAdd(add.Key, add.Value, out bool evicted);
                PublishEvictions();
                Sender.Tell(new LruProtocol.ContainsOrAddResult<TKey>(add.Key, contained, evicted));
            }
        });
        Receive<LruProtocol.PeekOrAdd<TKey, TValue>>(add =>
        {
            if (!Reject(add, add.Key))
            {
                bool found = _lru.PeekOrAdd(add.Key, add.Value, out TValue previous, out bool evicted);
                PublishEvictions();
                Sender.Tell(new LruProtocol.PeekOrAddResult<TKey, TValue>(add.Key, found, found ? previous : default, evicted));
            }
        });
        Receive<LruProtocol.GetOldest>(_ =>
        {
            bool found = _lru.TryGetOldest(out TKey key, out TValue value);
            Sender.Tell(new LruProtocol.OldestIs<TKey, TValue>(found, found ? key : default, found ? value : default));
        });
        Receive<LruProtocol.RemoveOldest>(_ =>
        {
            bool found = _lru.TryRemoveOldest(out TKey key, out TValue value);
            PublishEvictions();
            Sender.Tell(new LruProtocol.RemovedOldest<TKey, TValue>(found, found ? key : default, found ? value : default));
        });
        Receive<LruProtocol.GetKeys>(_ => Sender.Tell(new LruProtocol.KeysAre<TKey>(_lru.Keys())));
        Receive<LruProtocol.GetValues>(_ => Sender.Tell(new LruProtocol.ValuesAre<TValue>(_lru.Values())));
        Receive<LruProtocol.Resize>(resize =>
        {
            if (resize.Capacity < 1)
            {
                Sender.Tell(new LruProtocol.Rejected(resize, $"capacity must be at least 1, got {resize.Capacity}"));
                return;
            }

            int evicted = _lru.Resize(resize.Capacity);
            PublishEvictions();
            Sender.Tell(new LruProtocol.Resized(resize.Capacity, evicted));
        });
        Receive<LruProtocol.Clear>(_ =>
        {
            int removed = _lru.Count;
            _lru.Clear();
            PublishEvictions();
            Sender.Tell(new LruProtocol.Cleared(removed));
        });
        Receive<LruProtocol.GetMetrics>(_ => Sender.Tell(new LruProtocol.MetricsAre(_lru.Metrics)));
        Receive<LruProtocol.SubscribeEvictions>(subscribe =>
        {
            if (subscribe.Subscriber is null)
            {
                Sender.Tell(new LruProtocol.Rejected(subscribe, "the subscriber must not be null"));
                return;
            }

            if (_subscribers.Add(subscribe.Subscriber))
            {
                Context.Watch(subscribe.Subscriber);
            }

            _lru.RecordEvictions = true;
            Sender.Tell(new LruProtocol.EvictionsSubscribed(subscribe.Subscriber));
        });
        Receive<LruProtocol.UnsubscribeEvictions>(unsubscribe =>
        {
            Unsubscribe(unsubscribe.Subscriber);
            Sender.Tell(new LruProtocol.EvictionsUnsubscribed(unsubscribe.Subscriber));
        });
        Receive<Terminated>(terminated => Unsubscribe(terminated.ActorRef));
    }

    private void Unsubscribe(IActorRef subscriber)
    {
        if (subscriber is not null && _subscribers.Remove(subscriber))
        {
            Context.Unwatch(subscriber);
        }

        _lru.RecordEvictions = _subscribers.Count > 0;
    }

    /// <summary>Tells every subscriber of each entry the last operation made leave, in the order they left.</summary>
    private void PublishEvictions()
    {
        List<LruEviction<TKey, TValue>>? left = _lru.TakeEvictions();
        if (left is null)
        {
            return;
        }

        foreach (LruEviction<TKey, TValue> eviction in left)
        {
            var message = new LruProtocol.EntryEvicted<TKey, TValue>(eviction);
            foreach (IActorRef subscriber in _subscribers)
            {
                subscriber.Tell(message);
            }
        }
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
