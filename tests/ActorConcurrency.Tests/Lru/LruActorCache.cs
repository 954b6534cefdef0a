using ActorConcurrency.Actors.Lru;
using ActorConcurrency.SharedState.Lru;
using Akka.Actor;

namespace ActorConcurrency.Tests.Lru;

/// <summary>
/// The owner actor seen through <see cref="ILruCache{TKey,TValue}"/>, so the specs written against the
/// shared-memory forms (the golang-lru cases among them) run unchanged against it: every member is one Ask
/// of its <see cref="LruProtocol"/> message. <see cref="Evicted"/> is a subscription: a small forwarding
/// actor receives <see cref="LruProtocol.EntryEvicted{TKey,TValue}"/>, and after each request this adapter
/// asks the forwarder to flush — the actor tells subscribers before it replies, so by the time the flush
/// is answered every notification of that request has been raised, as the shared forms raise them before
/// returning.
/// </summary>
internal sealed class LruActorCache<TKey, TValue> : ILruCache<TKey, TValue>
    where TKey : notnull
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private readonly IActorRef _actor;
    private readonly IActorRef _forwarder;
    private Action<LruEviction<TKey, TValue>>? _evicted;

    public LruActorCache(ActorSystem system, int capacity)
    {
        _actor = system.ActorOf(LruActor<TKey, TValue>.Props(capacity));
        Action<LruEviction<TKey, TValue>> raise = e => _evicted?.Invoke(e);
        _forwarder = system.ActorOf(Props.Create(() => new Forwarder(raise)));
        Ask<LruProtocol.EvictionsSubscribed>(new LruProtocol.SubscribeEvictions(_forwarder));
    }

    public event Action<LruEviction<TKey, TValue>>? Evicted
    {
        add => _evicted += value;
        remove => _evicted -= value;
    }

    public IActorRef Actor => _actor;

    public int Capacity => Ask<LruProtocol.CountIs>(LruProtocol.GetCount.Instance).Capacity;

    public int Count => Ask<LruProtocol.CountIs>(LruProtocol.GetCount.Instance).Count;

    public LruMetrics Metrics => Ask<LruProtocol.MetricsAre>(LruProtocol.GetMetrics.Instance).Metrics;

    public bool TryGet(TKey key, out TValue value) =>
        Found(Ask<LruProtocol.GetResult<TKey, TValue>>(new LruProtocol.Get<TKey>(key)) is var r && r.Found, r.Value, out value);

    public bool TryPeek(TKey key, out TValue value) =>
        Found(Ask<LruProtocol.PeekResult<TKey, TValue>>(new LruProtocol.Peek<TKey>(key)) is var r && r.Found, r.Value, out value);

    public bool Contains(TKey key) => Ask<LruProtocol.ContainsResult<TKey>>(new LruProtocol.Contains<TKey>(key)).Found;

    public bool Set(TKey key, TValue value) => Ask<LruProtocol.Stored<TKey>>(new LruProtocol.Set<TKey, TValue>(key, value)).Evicted;

    public bool TryUpdate(TKey key, TValue value) => Ask<LruProtocol.Updated<TKey>>(new LruProtocol.TryUpdate<TKey, TValue>(key, value)).Existed;

    public TValue GetOrAdd(TKey key, Func<TKey, TValue> factory) => GetOrAddAsync(key, k => Task.FromResult(factory(k))).AsTask().GetAwaiter().GetResult();

    public async ValueTask<TValue> GetOrAddAsync(TKey key, Func<TKey, Task<TValue>> factory)
    {
        TValue value = await _actor.GetOrAddAsync(key, factory, Timeout);
        await _forwarder.Ask<Forwarder.Flushed>(Forwarder.Flush.Instance, Timeout);
        return value;
    }

    public bool ContainsOrAdd(TKey key, TValue value, out bool evicted)
    {
        var result = Ask<LruProtocol.ContainsOrAddResult<TKey>>(new LruProtocol.ContainsOrAdd<TKey, TValue>(key, value));
        evicted = result.Evicted;
        return result.Contained;
    }

    public bool PeekOrAdd(TKey key, TValue value, out TValue previous, out bool evicted)
    {
        var result = Ask<LruProtocol.PeekOrAddResult<TKey, TValue>>(new LruProtocol.PeekOrAdd<TKey, TValue>(key, value));
        evicted = result.Evicted;
        return Found(result.Found, result.Previous, out previous);
    }

    public bool Remove(TKey key) => Ask<LruProtocol.Removed<TKey>>(new LruProtocol.Remove<TKey>(key)).Existed;

    public bool TryGetOldest(out TKey key, out TValue value)
    {
        var result = Ask<LruProtocol.OldestIs<TKey, TValue>>(LruProtocol.GetOldest.Instance);
        key = result.Key!;
        return Found(result.Found, result.Value, out value);
    }

    public bool TryRemoveOldest(out TKey key, out TValue value)
    {
        var result = Ask<LruProtocol.RemovedOldest<TKey, TValue>>(LruProtocol.RemoveOldest.Instance);
        key = result.Key!;
        return Found(result.Found, result.Value, out value);
    }

    public IReadOnlyList<TKey> Keys() => Ask<LruProtocol.KeysAre<TKey>>(LruProtocol.GetKeys.Instance).Keys;

    public IReadOnlyList<TValue> Values() => Ask<LruProtocol.ValuesAre<TValue>>(LruProtocol.GetValues.Instance).Values;

    public int Resize(int capacity)
    {
        // The shared forms throw for a capacity below 1; the actor answers Rejected. Map one to the other.
        object reply = Ask<object>(new LruProtocol.Resize(capacity));
        return reply is LruProtocol.Resized resized
            ? resized.Evicted
            : throw new ArgumentOutOfRangeException(nameof(capacity), capacity, ((LruProtocol.Rejected)reply).Reason);
    }

    public void Clear() => Ask<LruProtocol.Cleared>(LruProtocol.Clear.Instance);

    public LruInvariantReport CheckInvariants() => Ask<LruProtocol.InvariantsChecked>(LruProtocol.CheckInvariants.Instance).Report;

    private static bool Found(bool found, TValue? maybe, out TValue value)
    {
        value = found ? maybe! : default!;
        return found;
    }

    /// <summary>One Ask of the actor, then a flush of the forwarder so every notification it caused has been raised.</summary>
    private T Ask<T>(object message)
    {
        T reply = _actor.Ask<T>(message, Timeout).GetAwaiter().GetResult();
        _forwarder.Ask<Forwarder.Flushed>(Forwarder.Flush.Instance, Timeout).GetAwaiter().GetResult();
        return reply;
    }

    /// <summary>Raises each notification it receives; answers <see cref="Flush"/> once everything before it is raised.</summary>
    private sealed class Forwarder : ReceiveActor
    {
        public Forwarder(Action<LruEviction<TKey, TValue>> raise)
        {
            Receive<LruProtocol.EntryEvicted<TKey, TValue>>(e => raise(e.Eviction));
            Receive<Flush>(_ => Sender.Tell(Flushed.Instance));
        }

        public sealed record Flush
        {
            public static readonly Flush Instance = new();

            private Flush()
            {
            }
        }

        public sealed record Flushed
        {
            public static readonly Flushed Instance = new();

            private Flushed()
            {
            }
        }
    }
}
